package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names someone else prepared in the output folder, with real symbolic and hard links: the writer neither writes
 * through them nor copies what they lead to into the previous report.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "creating links needs a privilege there; the folder is "
        + "administrators-only instead")
class AtomicFileLinksTest {

    @TempDir
    Path dir;

    /** A file the writer's account can read and its readers must not see: /etc/shadow, in the attack. */
    private Path secret() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        return Files.writeString(elsewhere.resolve("secret.txt"), "only the service account may read this");
    }

    @Test
    void keepingThePreviousNeverCopiesWhatAPlantedSymbolicLinkLeadsTo() throws Exception {
        Path secret = secret();
        Path target = dir.resolve("audit.json");
        Files.createSymbolicLink(target, secret);
        Path previous = AtomicFile.previousOf(target);

        OutputException refused = assertThrows(OutputException.class,
                () -> AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("{}")));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertFalse(Files.exists(previous), "no copy of the link's target");
        assertTrue(Files.isSymbolicLink(target), "the link is left for the administrator to see");
        assertEquals("only the service account may read this", Files.readString(secret));
    }

    @Test
    void aHardLinkedReportIsNeitherCopiedNorWritten() throws Exception {
        Path secret = secret();
        Path target = dir.resolve("audit.json");
        Files.createLink(target, secret);
        Path previous = AtomicFile.previousOf(target);

        OutputException refused = assertThrows(OutputException.class,
                () -> AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("{}")));
        assertTrue(refused.getMessage().contains("2 hard links"), refused.getMessage());
        assertFalse(Files.exists(previous));
        assertThrows(OutputException.class, () -> AtomicFile.write(target, out -> out.write("{}")));
        assertEquals("only the service account may read this", Files.readString(secret));
    }

    @Test
    void aLinkPlantedAsThePreviousCopyIsRefused() throws Exception {
        Path secret = secret();
        Path target = dir.resolve("audit.json");
        Files.writeString(target, "{\"run\": 1}");
        Path previous = AtomicFile.previousOf(target);
        Files.createSymbolicLink(previous, secret);

        OutputException refused = assertThrows(OutputException.class,
                () -> AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("{\"run\": 2}")));
        assertTrue(refused.getMessage().contains("audit.previous.json"), refused.getMessage());
        assertEquals("{\"run\": 1}", Files.readString(target), "nothing replaced");
        assertEquals("only the service account may read this", Files.readString(secret));
    }

    @Test
    void aSymbolicLinkAsTheTargetIsRefusedAndLeftAsItIs() throws Exception {
        Path secret = secret();
        Path target = dir.resolve("report.prom");
        Files.createSymbolicLink(target, secret);
        assertThrows(OutputException.class, () -> AtomicFile.write(target, out -> out.write("certaudit_up 1\n")));
        assertTrue(Files.isSymbolicLink(target));
        assertEquals(secret, Files.readSymbolicLink(target));
        assertEquals("only the service account may read this", Files.readString(secret));
    }

    @Test
    void aPlainReportIsStillKeptAndReplaced() throws Exception {
        Path target = dir.resolve("audit.json");
        Path previous = AtomicFile.previousOf(target);
        AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("first"));
        AtomicFile.writeKeepingPrevious(target, previous, out -> out.write("second"));
        assertEquals("second", Files.readString(target));
        assertEquals("first", Files.readString(previous));
        assertTrue(Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, (int) Files.getAttribute(previous, "unix:nlink"));
    }
}
