package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;

/**
 * Reads a copy of a host's stores from a folder: {@code DIR/MY}, {@code DIR/CA} and {@code DIR/ROOT}, matched
 * case-insensitively and also as {@code Personal}, {@code Intermediate}, {@code Root} or {@code Trusted Root}.
 * Files in each are PEM or DER certificates ({@code .cer .crt .der .pem}), PEM files that may also hold the key,
 * {@code name.crt} beside {@code name.key}, and PKCS#12 files ({@code .pfx .p12}). See {@link CertificateFileReader}.
 */
public final class FolderSource implements HostSource {

    /** How deep a store folder is searched; symbolic links to folders are not followed, so loops cannot form. */
    static final int MAX_DEPTH = 8;

    private final Path root;
    private final CertificateFileReader reader;

    public FolderSource(Path root, CertificateFileReader reader) {
        this.root = root;
        this.reader = reader;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    @Override
    public HostSnapshot read() throws SourceException {
        if (!Files.isDirectory(root)) {
            throw new SourceException(Files.exists(root)
                    ? root + " is a file, not a folder; give a folder holding MY, CA and ROOT subfolders"
                    : "source folder " + root + " does not exist");
        }
        Map<StoreName, List<Path>> stores = storeFolders();
        if (stores.isEmpty()) {
            throw new SourceException("source folder " + root + " has no MY, CA or ROOT subfolder (also accepted: "
                    + "Personal, Intermediate, Root, Trusted Root); put the exported certificates of each store in "
                    + "its own subfolder");
        }
        HostSnapshot.Builder snapshot = HostSnapshot.builder(hostName(), describe()).storesGiven(stores.keySet());
        BoundedSnapshot entries = new BoundedSnapshot(snapshot, reader.limits().maxEntries());
        for (Map.Entry<StoreName, List<Path>> store : stores.entrySet()) {
            for (Path folder : store.getValue()) {
                readStore(store.getKey(), folder, entries);
            }
        }
        return snapshot.build();
    }

    private String hostName() {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return name == null ? "host" : name.toString();
    }

    private Map<StoreName, List<Path>> storeFolders() throws SourceException {
        Map<StoreName, List<Path>> stores = new EnumMap<>(StoreName.class);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Optional<StoreName> store = StoreName.fromAlias(entry.getFileName().toString());
                if (store.isPresent() && Files.isDirectory(entry)) {
                    stores.computeIfAbsent(store.get(), s -> new ArrayList<>()).add(entry);
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot list source folder " + root + ": " + e.getMessage(), e);
        }
        stores.values().forEach(list -> list.sort(null));
        return stores;
    }

    private void readStore(StoreName store, Path folder, BoundedSnapshot snapshot) {
        if (snapshot.full()) {
            return;
        }
        List<Path> files = new ArrayList<>();
        // Each file is at least one entry, so listing more than the limit allows is pointless; the entry past it
        // makes the limit's problem. A store folder that is itself a link is walked at its target, since the walk
        // would otherwise list the link alone.
        try (Stream<Path> walk = Files.walk(Files.isSymbolicLink(folder) ? folder.toRealPath() : folder, MAX_DEPTH,
                new FileVisitOption[0])) {
            walk.filter(Files::isRegularFile).filter(FolderSource::isCandidate)
                    .limit(reader.limits().maxEntries() + 1L).forEach(files::add);
        } catch (IOException | RuntimeException e) {
            snapshot.problem(store, folder.toString(), "cannot list the folder: " + e.getMessage());
        }
        files.sort(null);
        // Files are read and parsed in parallel, each into its own recording, then replayed in file order into the
        // snapshot, so the entries, the limit and its problem are those of a sequential read.
        List<BoundedSnapshot> read = files.parallelStream().map(file -> {
            BoundedSnapshot recording = BoundedSnapshot.recording();
            reader.read(store, file, files, recording);
            return recording;
        }).toList();
        read.forEach(recording -> recording.replayInto(snapshot));
    }

    /** Skips hidden files and keys (read with their certificate), so they are not mistaken for certificates. */
    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".key");
    }
}
