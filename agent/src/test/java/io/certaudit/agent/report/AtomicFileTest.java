package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
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

    @Test
    void keepingThePreviousCopiesTheReplacedFileAndLeavesTheTargetInPlace() throws Exception {
        Path target = dir.resolve("audit.json");
        Path previous = AtomicFile.previousOf(target);
        assertEquals(dir.resolve("audit.previous.json"), previous);

        AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("first"));
        assertEquals("first", Files.readString(target));
        assertTrue(Files.notExists(previous), "nothing replaced, nothing kept");

        AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("second"));
        AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("third"));
        assertEquals("third", Files.readString(target));
        assertEquals("second", Files.readString(previous));
    }

    @Test
    void aFailedWriteKeepsBothTheReportAndItsPreviousAsTheyWere() throws Exception {
        Path target = dir.resolve("audit.json");
        Path previous = dir.resolve("audit.previous.json");
        Files.writeString(target, "current");
        Files.writeString(previous, "older");
        assertThrows(OutputException.class, () -> AtomicFile.writeKeepingPrevious(target, previous, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("current", Files.readString(target));
        assertEquals("older", Files.readString(previous));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFolderThatIsAFileIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("reports"), "a file");
        OutputException failure = assertThrows(OutputException.class,
                () -> AtomicFile.write(file.resolve("audit.json"), out -> out.write("x")));
        assertTrue(failure.getMessage().contains("is a file, not a folder"), failure.getMessage());
    }

    @Test
    void aNewReportGetsThePermissionsOfAnyNewFileThereAndAReplacedOneKeepsItsOwn() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
        Path target = dir.resolve("audit.json");
        AtomicFile.write(target, out -> out.write("first report"));
        assertEquals(usual, Files.getPosixFilePermissions(target), "not a temporary file's owner-only permissions");

        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, chosen);
        AtomicFile.writeKeepingPrevious(target, AtomicFile.previousOf(target), out -> out.write("second report"));
        assertEquals(chosen, Files.getPosixFilePermissions(target));
        assertEquals(chosen, Files.getPosixFilePermissions(AtomicFile.previousOf(target)));
        assertEquals("second report", Files.readString(target));
    }

    @Test
    void aReadOnlyFolderIsAClearErrorAndThePreviousFileStays() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        Path target = Files.writeString(folder.resolve("audit.json"), "previous report");
        Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Set<PosixFilePermission> writable = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(folder), "permissions are not enforced for this user (root)");
            OutputException failure = assertThrows(OutputException.class,
                    () -> AtomicFile.write(target, out -> out.write("new report")));
            assertTrue(failure.getMessage().contains("permission denied") && failure.getMessage().contains(
                    folder.toString()), failure.getMessage());
            assertEquals("previous report", Files.readString(target));
        } finally {
            Files.setPosixFilePermissions(folder, writable);
        }
    }
}
