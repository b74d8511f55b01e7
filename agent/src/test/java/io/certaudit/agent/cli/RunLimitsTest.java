package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Bounds on a whole run: its time limit, and what running out of memory looks like. */
class RunLimitsTest {

    private static final TestPki PKI = new TestPki();

    @TempDir
    Path dir;

    private Path host() {
        Issued root = PKI.root("Run Limits Root");
        Issued leaf = PKI.issue(root, PKI.spec("bems.example.com").san("bems.example.com"));
        HostFolder host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", root);
        host.pemWithKey("MY", "service.pem", leaf, leaf);
        return host.root();
    }

    @Test
    void aRunPastItsTimeLimitEndsUnknownInOneLineAndWritesNoReport() throws Exception {
        // A peer that accepts the connection and never answers the ClientHello, with a handshake timeout far beyond
        // the run's limit: only the limit can end the run.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path json = dir.resolve("audit.json");

            CliRun run = CliRun.run("audit", "--source", host().toString(), "--at", TestPki.NOW.toString(),
                    "--peer", "127.0.0.1:" + silent.getLocalPort(), "--peer-timeout", "300", "--time-limit", "1",
                    "--output", "json=" + json);

            assertEquals(3, run.exitCode(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().startsWith("certaudit: the run did not finish within its time limit of 1 s "
                    + "(--time-limit) and wrote no report"), run::toString);
            assertFalse(Files.exists(json), "no report");
        }
    }

    @Test
    void theTimeLimitHasASaneDefaultAndRefusesNonsense() {
        assertEquals(900, AuditRun.DEFAULT_TIME_LIMIT_SECONDS);
        CliRun run = CliRun.run("audit", "--source", host().toString(), "--time-limit", "0");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--time-limit must be 1 second or more"), run::toString);
    }

    /**
     * A saved audit far larger than the heap, given to 'certaudit report' in a JVM of its own with a small heap:
     * one line and exit 3, as for any run that cannot reach a verdict, not a stack trace and exit 1.
     */
    @Test
    void runningOutOfMemoryIsOneLineAndExitThree() throws Exception {
        Path big = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("{\"schemaVersion\":\"1.3\",\"tool\":{\"name\":\"certaudit\",\"version\":\"x\"},\"findings\":[");
            for (int i = 0; i < 400_000; i++) {
                out.write((i == 0 ? "" : ",") + "{\"rule\":\"chain-incomplete\",\"severity\":\"error\",\"store\":"
                        + "\"MY\",\"thumbprint\":null,\"subject\":null,\"message\":\"m" + i + "\",\"remediation\":"
                        + "null,\"evidence\":{\"k\":\"v" + i + "\"}}");
            }
            out.write("]}");
        }
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:TieredStopAtLevel=1", "-cp", testClassPath(), Main.class.getName(), "report",
                big.toString()).redirectErrorStream(false).start();
        String out;
        String err;
        try (InputStream stdout = java.getInputStream(); InputStream stderr = java.getErrorStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(java.waitFor(5, TimeUnit.MINUTES));

        assertEquals(3, java.exitValue(), out + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("certaudit: out of memory: the run needed more than the "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    /** Surefire puts the test class path in a property of its own; a plain JVM in java.class.path. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path")
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
