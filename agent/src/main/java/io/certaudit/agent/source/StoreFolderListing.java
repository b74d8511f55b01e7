package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one store folder that may be certificates, each marked with whether it was reached through plain
 * folders only. Resolving every file's real path to prove it stays in the source costs a system call per folder on
 * its path, for every file; a plain file (no link, no junction) below a folder known to lie inside the source lies
 * inside it too, so only the folder and the folders between it and the file need checking, each once. Files that are
 * links, or lie below one, are still checked one by one ({@link SourceRoot#escape}).
 */
final class StoreFolderListing {

    /** A file to read; {@code plain} when it and every folder above it up to the store folder is no link. */
    record ListedFile(Path path, boolean plain) implements Comparable<ListedFile> {
        @Override
        public int compareTo(ListedFile other) {
            return path.compareTo(other.path);
        }
    }

    private final Path start;
    private final boolean startInside;
    /** Folders below the start already looked at: whether each is plain and inside the source. */
    private final Map<Path, Boolean> plainFolders = new HashMap<>();

    private StoreFolderListing(Path start, boolean startInside) {
        this.start = start;
        this.startInside = startInside;
    }

    /**
     * Lists into {@code files} what {@code folder} (a store folder the caller found inside the source, or a single
     * file) holds, at most {@code maxFiles} files in the walk's order, {@code maxDepth} folders deep, without
     * following links to folders; when the walk fails part-way, what it listed before stays in {@code files}.
     * A store folder that is itself a link (inside the source) is walked at its target, since the walk would
     * otherwise list the link alone.
     *
     * @throws IOException      when the folder cannot be listed
     * @throws RuntimeException when the walk fails part-way ({@link java.io.UncheckedIOException})
     */
    static void list(Path folder, SourceRoot boundary, int maxDepth, long maxFiles, List<ListedFile> files)
            throws IOException {
        Path start = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
        StoreFolderListing listing = new StoreFolderListing(start, boundary.holds(start));
        try (Stream<Path> walk = Files.walk(start, maxDepth, new FileVisitOption[0])) {
            walk.map(listing::classify).filter(file -> file != null).limit(maxFiles).forEach(files::add);
        }
    }

    /** The file as listed, or {@code null} when it is no candidate (a folder, a hidden file, a key). */
    private ListedFile classify(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException vanished) {
            return null;
        }
        if (attributes.isRegularFile() && !attributes.isSymbolicLink() && !attributes.isOther()) {
            return isCandidate(path) ? new ListedFile(path, startInside && plainFolder(path.getParent())) : null;
        }
        // A link or an odd kind of file: listed when it is or leads to a file or to a folder, and checked when read.
        return (Files.isRegularFile(path) || isLink(path)) && isCandidate(path) ? new ListedFile(path, false) : null;
    }

    /** Whether {@code folder} is the start or a folder below it reached through no link or junction. */
    private boolean plainFolder(Path folder) {
        if (folder == null) {
            return false;
        }
        if (folder.equals(start)) {
            return true;
        }
        Boolean known = plainFolders.get(folder);
        if (known == null) {
            known = isPlainFolder(folder) && folder.startsWith(start) && plainFolder(folder.getParent());
            plainFolders.put(folder, known);
        }
        return known;
    }

    private static boolean isPlainFolder(Path folder) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            // A Windows junction is a folder that is also "other" (a reparse point): it may lead anywhere.
            return attributes.isDirectory() && !attributes.isSymbolicLink() && !attributes.isOther();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isLink(Path path) {
        return Files.isSymbolicLink(path) || Files.isDirectory(path) != Files.isDirectory(path,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** Skips hidden files and keys (read with their certificate), so they are not mistaken for certificates. */
    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".key");
    }
}
