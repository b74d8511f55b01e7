package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;

/** The settings file is a regular file read with a bound: a pipe, a folder or an endless file stops nothing. */
class ConfigFileKindTest {

    private static final TestPki PKI = new TestPki();

    @TempDir
    Path dir;

    private String host() {
        new HostFolder(dir.resolve("host")).pem("ROOT", "root.pem", PKI.root("Config Kind Root"));
        return dir.resolve("host").toString();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aPipeGivenAsTheConfigIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("certaudit.yaml");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is not available: " + e);
        }
        String source = host();
        // Reading the pipe would wait for a writer for ever; the bound is a guard, not a measure.
        CliRun run;
        try {
            run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("audit", "--source", source,
                    "--config", fifo.toString()));
        } finally {
            releaseAnyReader(fifo);
        }
        assertEquals(3, run.exitCode(), run::toString);
        assertEquals("certaudit: config file " + fifo + " is not a regular file (a pipe, device or socket); give "
                + "the settings file itself", run.err().strip());
    }

    @Test
    void aFolderGivenAsTheConfigIsRefused() {
        CliRun run = CliRun.run("audit", "--source", host(), "--config", dir.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is not a regular file (a folder)"), run::toString);
    }

    @Test
    void aConfigOverTheSizeLimitIsRefused() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = ("# " + "x".repeat(1024) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 1100; i++) {
                out.write(line);
            }
        }
        CliRun run = CliRun.run("audit", "--source", host(), "--config", big.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is larger than " + ConfigFile.MAX_BYTES + " bytes"), run::toString);
    }

    /** Opens the pipe for writing without blocking, so a reader stuck on it (before the fix) is let go. */
    private static void releaseAnyReader(Path fifo) {
        try {
            new ProcessBuilder("sh", "-c", "exec 3<>'" + fifo + "'; exec 3>&-").start().waitFor();
        } catch (Exception e) {
            // nothing was waiting
        }
    }
}
