package io.certaudit.agent.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium for the browser checks, found on the PATH. A test never installs it: .ci/run does
 * (Debian package 'chromium'), and without it the checks are skipped, saying why.
 */
final class Chromium {

    private static final long RUN_MINUTES = 3;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or why there is none. */
    record Found(Chromium browser, String whyNot) {
    }

    /** Finds Chromium on the PATH. */
    static Found locate() {
        return onPath().map(path -> new Found(new Chromium(path), null)).orElseGet(() -> new Found(null,
                "chromium is not on the PATH; install Debian's 'chromium' package (.ci/run does, as root)"));
    }

    private static Optional<Path> onPath() {
        return onPath("chromium").or(() -> onPath("chromium-browser"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What one headless run printed. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /**
     * Opens {@code page} headless with {@code extra} arguments (e.g. {@code --screenshot=FILE}), a fresh profile in
     * {@code profile}, nothing fetched in the background, and console messages logged to standard error.
     */
    Run open(Path page, Path profile, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1200,1600"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!process.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish in " + RUN_MINUTES + " minutes: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
