package io.certaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.Json;

/**
 * The packaged launcher, as bench/run.sh times it: it runs the audit with its JVM options and class-data sharing
 * archive, and standard output holds the report alone. Runs where the agent module was packaged first (mvn verify).
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = PROJECT.resolve("agent/target/certaudit");

    @TempDir
    Path directory;

    @Test
    void auditsTheExampleHostWithTheReportAloneOnStandardOutput() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(LAUNCHER), "the agent module is not packaged");
        Path out = directory.resolve("out.json");
        Path err = directory.resolve("err.txt");
        Process audit = new ProcessBuilder(LAUNCHER.toString(), "audit",
                "--source", PROJECT.resolve("examples/bems-host").toString(),
                "--config", PROJECT.resolve("examples/bems-host/certaudit.yaml").toString(), "--format", "json")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(audit.waitFor(120, TimeUnit.SECONDS), "the audit did not finish");

        assertEquals(2, audit.exitValue(), () -> read(err));
        JsonNode report = Json.MAPPER.readTree(out.toFile());
        assertEquals("CRITICAL", report.path("status").asText());
        assertEquals("", read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Test
    void worksThroughASymbolicLinkFromAnotherFolder() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(LAUNCHER), "the agent module is not packaged");
        Path link = Files.createSymbolicLink(directory.resolve("certaudit"), LAUNCHER);
        String output;
        Process version;
        try {
            version = new ProcessBuilder(link.toString(), "--version").directory(directory.toFile())
                    .redirectErrorStream(true).start();
            output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(version.waitFor(60, TimeUnit.SECONDS), "did not finish");
        } finally {
            Files.delete(link);
        }
        assertEquals(0, version.exitValue(), output);
        assertTrue(output.startsWith("certaudit "), output);
    }

    @Test
    void aJavaHomeWithoutJavaIsOneLineAndUnknown() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(LAUNCHER), "the agent module is not packaged");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", directory.resolve("no-such-jdk").toString());
        Process version = builder.start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(version.waitFor(60, TimeUnit.SECONDS), "did not finish");
        assertEquals(3, version.exitValue(), output);
        assertEquals(1, output.strip().lines().count(), output);
        assertTrue(output.startsWith("certaudit: JAVA_HOME is "), output);
    }
}
