package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a source was given as, and the test that keeps reading inside it: a path whose real location (every
 * symbolic link and junction on the way resolved) is not under the folder's real location leads out of the source.
 * An export is prepared by someone else; following its links would let it make the audit, which may run as SYSTEM,
 * read files of the machine it runs on.
 */
final class SourceRoot {

    private final Path given;
    private final Path real;

    private SourceRoot(Path given, Path real) {
        this.given = given;
        this.real = real;
    }

    static SourceRoot of(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            return new SourceRoot(folder, folder.toRealPath());
        } catch (IOException e) {
            return new SourceRoot(folder, absolute);
        }
    }

    /**
     * Whether {@code folder}'s real location is inside the source: then so is every plain file and folder below it
     * (see {@link StoreFolderListing}). {@code false} when it cannot be resolved.
     */
    boolean holds(Path folder) {
        try {
            return folder.toRealPath().startsWith(real);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Why {@code path} must not be read because it leads out of the source, naming the link and where it leads; empty
     * when it stays inside, or cannot be resolved at all (a dangling link or a loop of links: nothing to read).
     */
    Optional<String> escape(Path path) {
        Path target;
        try {
            target = path.toRealPath();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (target.startsWith(real)) {
            return Optional.empty();
        }
        String how = Files.isSymbolicLink(path) ? " is a link to " : " leads through a link to ";
        return Optional.of(path + how + target + ", outside the source folder " + given);
    }
}
