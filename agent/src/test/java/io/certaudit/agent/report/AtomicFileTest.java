package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWithTheNewContent() throws Exception {
        Path target = dir.resolve("audit.json");
        Files.writeString(target, "old");
        AtomicFile.write(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aFailureMidWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("audit.json");
        Files.writeString(target, "previous report");
        OutputException failure = assertThrows(OutputException.class, () -> AtomicFile.write(target, out -> {
            out.write("half a rep");
            throw new IOException("No space left on device");
        }));
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertEquals("previous report", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the report itself");
        }
    }

    @Test
    void aMissingFolderIsAClearError() {
        OutputException failure = assertThrows(OutputException.class,
                () -> AtomicFile.write(dir.resolve("absent/audit.json"), out -> out.write("x")));
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }
}
