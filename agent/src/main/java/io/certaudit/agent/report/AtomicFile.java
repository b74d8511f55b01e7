package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the text goes to a
 * temporary file in the same folder, is flushed to disk, then renamed over the target. A crash or a full disk
 * mid-write leaves the previous report intact.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Produces the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws OutputException {
        write(target, null, content);
    }

    /**
     * Like {@link #write(Path, Content)}, and first keeps the file being replaced as {@code previous}, itself
     * replaced atomically: both names always hold a complete report, and {@code target} is never missing. When
     * {@code target} does not exist yet, {@code previous} is left as it is.
     */
    public static void writeKeepingPrevious(Path target, Path previous, Content content) throws OutputException {
        write(target, previous.toAbsolutePath(), content);
    }

    /** {@code audit.json} becomes {@code audit.previous.json}; a name without extension gets {@code .previous}. */
    public static Path previousOf(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String previous = dot > 0 ? name.substring(0, dot) + ".previous" + name.substring(dot) : name + ".previous";
        return target.resolveSibling(previous);
    }

    private static void write(Path target, Path previous, Content content) throws OutputException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputException("cannot write " + target + ": the folder " + folder
                    + (folder != null && Files.exists(folder) ? " is a file, not a folder" : " does not exist"), null);
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputException("cannot write " + target + ": it is a folder; give a file name", null);
        }
        Path temporary = null;
        try {
            temporary = createTemporary(folder, absolute.getFileName().toString());
            keepPermissions(absolute, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = Channels.newWriter(channel, SafeText.utf8Encoder(), -1)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (previous != null && Files.isRegularFile(absolute)) {
                keep(absolute, previous);
            }
            replace(temporary, absolute);
            temporary = null;
        } catch (AccessDeniedException e) {
            throw new OutputException("cannot write " + target + ": permission denied; the report is written to a "
                    + "temporary file in " + folder + " and renamed into place, so that folder must be writable", e);
        } catch (FileSystemException e) {
            throw new OutputException("cannot write " + target + ": " + (e.getReason() != null ? e.getReason()
                    : e.getMessage()) + " (in " + folder + ")", e);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after the target; nothing more can be done here.
                }
            }
        }
    }

    /** Copies {@code current} beside itself and renames the copy over {@code previous}. */
    private static void keep(Path current, Path previous) throws IOException {
        Path folder = previous.getParent();
        Path copy = createTemporary(folder, previous.getFileName().toString());
        try {
            Files.copy(current, copy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            replace(copy, previous);
            copy = null;
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /**
     * A new empty hidden file named after {@code name} in {@code folder}, created with the permissions any new file
     * there gets (the umask on POSIX, the folder's inherited ACL on Windows): reports are read by other programs
     * (a textfile collector, a log shipper), and a temporary file's owner-only permissions would follow the report
     * into place.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        while (true) {
            Path candidate = folder.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // Another writer's temporary file: draw another name.
            }
        }
    }

    /** Gives {@code temporary} the POSIX permissions of the report it replaces, so a replaced report keeps them. */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }

    private static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
