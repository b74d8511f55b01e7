package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real process while it writes a report and checks that the previous report survives: only the rename
 * publishes the new one, and a kill leaves at most a hidden temporary file beside it.
 */
class AtomicFileKillTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {SlowReportWriter.MID_WRITE, SlowReportWriter.BEFORE_MOVE})
    void aKillLeavesThePreviousReportIntact(String stopAt) throws Exception {
        Path target = dir.resolve("audit.json");
        String previous = "{\"status\": \"OK\", \"previous\": true}\n";
        Files.writeString(target, previous);

        Process writer = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(),
                SlowReportWriter.class.getName(), target.toString(), stopAt)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals(SlowReportWriter.READY, out.readLine(), "the writer reached the point to kill it at");
            List<Path> temporary = hiddenFiles();
            assertEquals(1, temporary.size(), "the report is being written beside the target: " + temporary);
            assertTrue(Files.size(temporary.get(0)) > 0, "and some of it is on disk");
            writer.destroyForcibly();
            writer.waitFor();
        } finally {
            writer.destroyForcibly();
        }

        assertEquals(previous, Files.readString(target), "the previous report is intact");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertTrue(file.equals(target) || name.startsWith(".audit.json.") && name.endsWith(".tmp"),
                        "only a hidden temporary file may remain: " + name);
            }
        }
    }

    private List<Path> hiddenFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the test class path in a property of its own; a plain JVM in java.class.path. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path")
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
