package io.certaudit.agent.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One host folder reused by every input of a fuzz test: emptied and refilled each time, so fuzzing writes a few
 * small files per input and leaves nothing behind.
 */
final class FuzzHost {

    private final Path root;

    FuzzHost() {
        try {
            root = Files.createTempDirectory("certaudit-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.toFile().deleteOnExit();
    }

    /** The host folder holding exactly {@code files} (relative name to content). */
    Path with(Map<String, byte[]> files) {
        try {
            clear();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file next to the host, for inputs that are not part of it (a config file). */
    Path file(String name, byte[] content) {
        try {
            return Files.write(root.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void clear() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(root)) {
                    Files.delete(path);
                }
            }
        }
    }
}
