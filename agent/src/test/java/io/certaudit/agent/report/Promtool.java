package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates exposition text with promtool ({@code promtool check metrics}), Prometheus's own parser and linter, the
 * same text parser the textfile collectors use. No well-kept parser of the format exists for Java, so the tests run
 * the real one: Debian's {@code prometheus} package installs it (.ci/run does; a test never installs anything). A
 * machine without promtool skips the checks that need it, saying why in one line; those tests carry the JUnit tag
 * {@code external-tool}.
 */
public final class Promtool {

    private Promtool() {
    }

    static String executable() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Fails unless promtool parses {@code exposition} and finds nothing to lint. */
    public static void assertValid(String exposition) {
        String promtool = executable();
        assumeTrue(promtool != null, "promtool is not on the PATH (Debian package 'prometheus', which .ci/run "
                + "installs): the Prometheus textfile check is skipped");
        try {
            Process process = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), () -> "promtool check metrics rejected the textfile:\n" + output
                    + "\n--- textfile\n" + exposition);
        } catch (IOException e) {
            fail("cannot run promtool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted", e);
        }
    }
}
