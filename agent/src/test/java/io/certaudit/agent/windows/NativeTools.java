package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The native tools the ground-truth lanes run: Debian's mingw-w64 cross compilers (package {@code mingw-w64}), whose
 * Windows headers are an independent statement of what the Win32 API declares, gcc, Wine and openssl. A machine
 * without them skips the checks that need them, saying why in one line; .ci/run installs them.
 */
final class NativeTools {

    /** The two targets the agent runs on: 64-bit Windows and, for a 32-bit JVM, 32-bit Windows. */
    static final List<String> TARGETS = List.of("x86_64-w64-mingw32", "i686-w64-mingw32");

    private NativeTools() {
    }

    /** The path of an executable on the PATH, or {@code null}. */
    static String find(String executable) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, executable);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Skips the calling test, with a one-line reason, unless {@code executable} is on the PATH; else its path. */
    static String require(String executable, String purpose) {
        String path = find(executable);
        if (path == null) {
            String reason = executable + " is not installed (apt-get install mingw-w64 gcc wine openssl): " + purpose
                    + " skipped";
            System.err.println(reason);
            assumeTrue(false, reason);
        }
        return path;
    }

    /** What a compiler said, and whether it accepted the source. */
    record Result(boolean accepted, String output) {
    }

    /** Compiles (syntax and static assertions only) {@code source} with {@code compiler} and the given options. */
    static Result check(String compiler, Path source, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(List.of(options));
        command.add(source.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(compiler + " did not finish");
        }
        return new Result(process.exitValue() == 0, output);
    }
}
