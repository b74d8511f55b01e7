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
 * Debian's headless Chromium for the browser checks: found on the PATH, or installed with apt-get when the tests run
 * as root on a Debian-like system (slow, once). Anything else is a reason to skip, said in words.
 */
final class Chromium {

    /** The browser and one font family for legible screenshots; recommended extras are not needed headless. */
    private static final List<String> INSTALL = List.of("apt-get", "install", "-y", "--no-install-recommends",
            "chromium", "fonts-dejavu-core");
    private static final long INSTALL_MINUTES = 20;
    private static final long RUN_MINUTES = 3;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or why there is none. */
    record Found(Chromium browser, String whyNot) {
    }

    /**
     * Finds Chromium, installing it when absent and possible. Setting {@code -Dcertaudit.installChromium=false}
     * only looks; the log of an install attempt is {@code installLog}.
     */
    static Found locateOrInstall(Path installLog) {
        Optional<Path> found = onPath();
        if (found.isPresent()) {
            return new Found(new Chromium(found.get()), null);
        }
        if (!Boolean.parseBoolean(System.getProperty("certaudit.installChromium", "true"))) {
            return new Found(null, "chromium is not on the PATH and -Dcertaudit.installChromium=false");
        }
        if (!System.getProperty("os.name").equals("Linux") || onPath("apt-get").isEmpty()) {
            return new Found(null, "chromium is not on the PATH and this is not a system apt-get can install it on");
        }
        if (!isRoot()) {
            return new Found(null, "chromium is not on the PATH and installing it needs root: run "
                    + "'sudo apt-get install chromium' once");
        }
        try {
            if (run(installLog, INSTALL) != 0) {
                // A fresh image often has no package lists yet.
                run(installLog, List.of("apt-get", "update"));
                run(installLog, INSTALL);
            }
        } catch (IOException e) {
            return new Found(null, "chromium could not be installed: " + e.getMessage());
        }
        return onPath().map(path -> new Found(new Chromium(path), null)).orElseGet(() -> new Found(null,
                "chromium is not on the PATH and 'apt-get install chromium' did not install it; see " + installLog));
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

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(Path log, List<String> command) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        try {
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + INSTALL_MINUTES
                        + " minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
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
