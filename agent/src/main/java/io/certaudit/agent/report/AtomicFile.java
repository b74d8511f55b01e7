package io.certaudit.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the text goes to a
 * temporary file in the same folder, is flushed to disk, then renamed over the target. A crash or a full disk
 * mid-write leaves the previous report intact.
 *
 * <p>The scheduled audit writes as SYSTEM, so a name in the output folder may have been prepared by someone else: a
 * symbolic link, junction or other reparse point, or a hard link to a file they could not otherwise read. Such a
 * target, or previous copy, is refused rather than written through, and keeping the previous report never follows a
 * link: it is read with {@link LinkOption#NOFOLLOW_LINKS} after checking it is one plain file with one name. The
 * number of names is known where the file system reports it ({@code unix:nlink}); Java has no portable way to read
 * it on Windows, where the output folder is administrators-only so no one else can make a link in it.
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
        refuseLinked(absolute, target);
        if (previous != null) {
            refuseLinked(previous, previous);
        }
        Path temporary = null;
        try {
            temporary = createTemporary(folder, absolute.getFileName().toString());
            keepPermissions(absolute, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = new Utf8Writer(Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (previous != null && Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Refuses to write through {@code file} when it is a link of any kind, a special file, or one of several names
     * of the same file: writing or copying would reach something else than the report.
     */
    private static void refuseLinked(Path file, Path named) throws OutputException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new OutputException("cannot write " + named + ": " + e.getMessage(), e);
        }
        if (attributes.isSymbolicLink() || attributes.isOther()) {
            throw new OutputException("cannot write " + named + ": it is " + (attributes.isSymbolicLink()
                    ? "a symbolic link" : "a junction, reparse point or special file") + ", not a plain file; "
                    + "certaudit does not write through links: delete it, or give the real path", null);
        }
        int names = linkCount(file);
        if (names > 1) {
            throw new OutputException("cannot write " + named + ": it has " + names + " hard links, so other "
                    + "names share what it holds; certaudit does not write to a shared file: delete it, or give "
                    + "another name", null);
        }
    }

    /** How many names the file has, where the file system says; 1 where it does not. */
    private static int linkCount(Path file) throws OutputException {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("unix")) {
                return 1;
            }
            Object count = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return count instanceof Integer names ? names : 1;
        } catch (NoSuchFileException e) {
            return 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * Copies {@code current} beside {@code previous} and renames the copy over it. {@code current} was checked to be
     * a plain file with one name; it is opened without following a link, so one swapped in since fails the copy.
     */
    private static void keep(Path current, Path previous) throws IOException, OutputException {
        refuseLinked(current, current);
        Path folder = previous.getParent();
        Path copy = createTemporary(folder, previous.getFileName().toString());
        try {
            keepPermissions(current, copy);
            try (InputStream in = Files.newInputStream(current, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
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
