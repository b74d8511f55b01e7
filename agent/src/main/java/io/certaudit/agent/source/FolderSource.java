package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.certaudit.agent.source.StoreFolderListing.ListedFile;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;

/**
 * Reads a copy of a host's stores from a folder: {@code DIR/MY}, {@code DIR/CA} and {@code DIR/ROOT}, matched
 * case-insensitively and also as {@code Personal}, {@code Intermediate}, {@code Root} or {@code Trusted Root}, and
 * the optional {@code DIR/Disallowed} (also {@code Untrusted Certificates}) of explicitly distrusted certificates;
 * or, given a store ({@link #ofStore}), one folder or file holding that store alone. Files in each are PEM or DER
 * certificates ({@code .cer .crt .der .pem}), PKCS#7 bundles ({@code .p7b .p7c}), PEM files that may also hold the
 * key, {@code name.crt} beside {@code name.key}, and PKCS#12 files ({@code .pfx .p12}); every other file is looked
 * at too and named for what it is. See {@link CertificateFileReader}.
 *
 * <p>An export is hostile input: nothing it links to outside the source (a store folder, a file, a key file) is
 * read. Each such link becomes a problem naming it, so the audit never reads, on a stranger's behalf, what the
 * person running it can read.
 */
public final class FolderSource implements HostSource {

    /** How deep a store folder is searched; symbolic links to folders are not followed, so loops cannot form. */
    static final int MAX_DEPTH = 8;

    /**
     * Files read at once: enough to keep every core busy, few enough that what they read past the entry limit (each
     * is cut off at the room left when it started) stays small.
     */
    private static final int FILES_IN_FLIGHT = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    /** Threads that read files: one per core. */
    private static final int READER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final Path root;
    private final StoreName onlyStore;
    private final CertificateFileReader reader;

    public FolderSource(Path root, CertificateFileReader reader) {
        this(root, null, reader);
    }

    private FolderSource(Path root, StoreName onlyStore, CertificateFileReader reader) {
        this.root = Objects.requireNonNull(root, "root");
        this.onlyStore = onlyStore;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * A folder whose files all belong to {@code store}, or a single certificate, bundle or PFX file of that store
     * ({@code --source CA=chain.p7b}).
     */
    public static FolderSource ofStore(Path path, StoreName store, CertificateFileReader reader) {
        return new FolderSource(path, Objects.requireNonNull(store, "store"), reader);
    }

    @Override
    public String describe() {
        return onlyStore == null ? "folder " + root
                : (Files.isDirectory(root) ? "folder " : "file ") + root + " (" + onlyStore + ")";
    }

    @Override
    public HostSnapshot read() throws SourceException {
        if (onlyStore != null) {
            return readOneStore();
        }
        if (!Files.isDirectory(root)) {
            throw new SourceException(Files.exists(root)
                    ? root + " is a file, not a folder; give a folder holding MY, CA and ROOT subfolders"
                    : "source folder " + root + " does not exist");
        }
        SourceRoot boundary = SourceRoot.of(root);
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
                Optional<String> escape = boundary.escape(folder);
                if (escape.isPresent()) {
                    entries.problem(store.getKey(), folder.toString(), "the store folder " + escape.get()
                            + "; not read");
                    continue;
                }
                readStore(store.getKey(), folder, boundary, entries);
            }
        }
        return snapshot.build();
    }

    private HostSnapshot readOneStore() throws SourceException {
        if (!Files.exists(root)) {
            throw new SourceException("source " + root + " does not exist");
        }
        // A file given by name is read where it really is (the user named it); its key file must be beside it there.
        SourceRoot boundary;
        try {
            boundary = SourceRoot.of(Files.isDirectory(root) ? root : root.toRealPath().getParent());
        } catch (IOException e) {
            throw new SourceException("cannot read " + root + ": " + e.getMessage(), e);
        }
        HostSnapshot.Builder snapshot = HostSnapshot.builder(hostName(), describe());
        readStore(onlyStore, root, boundary, new BoundedSnapshot(snapshot, reader.limits().maxEntries()));
        return snapshot.build();
    }

    private String hostName() {
        Path absolute = root.toAbsolutePath().normalize();
        Path named = onlyStore != null && !Files.isDirectory(absolute) && absolute.getParent() != null
                ? absolute.getParent() : absolute;
        Path name = named.getFileName();
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

    private void readStore(StoreName store, Path folder, SourceRoot boundary, BoundedSnapshot snapshot) {
        if (snapshot.full()) {
            return;
        }
        List<ListedFile> files = new ArrayList<>();
        // Each file is at least one entry, so listing more than the limit allows is pointless; the entry past it
        // makes the limit's problem.
        try {
            StoreFolderListing.list(folder, boundary, MAX_DEPTH, reader.limits().maxEntries() + 1L, files);
        } catch (IOException | RuntimeException e) {
            snapshot.problem(store, folder.toString(), "cannot list the folder: " + e.getMessage());
        }
        files.sort(null);
        readInOrder(store, files, boundary, snapshot);
    }

    /**
     * Reads the files a few at a time in parallel, each into its own recording cut off at the room left in the
     * snapshot when it started, and replays the recordings in file order, so the entries, the limit and its problem
     * are those of a sequential read, and no file is parsed once the limit is reached.
     */
    private void readInOrder(StoreName store, List<ListedFile> files, SourceRoot boundary, BoundedSnapshot snapshot) {
        // Its own threads, one per core: the common pool has a single thread on a 2-core machine, and then
        // CompletableFuture starts a new thread for every task, i.e. for every file.
        ExecutorService readers = Executors.newFixedThreadPool(READER_THREADS, task -> {
            Thread thread = new Thread(task, "certaudit-folder-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            readInOrder(store, files, boundary, snapshot, readers);
        } finally {
            readers.shutdownNow();
        }
    }

    private void readInOrder(StoreName store, List<ListedFile> files, SourceRoot boundary, BoundedSnapshot snapshot,
                             ExecutorService readers) {
        Deque<CompletableFuture<BoundedSnapshot>> inFlight = new ArrayDeque<>();
        Iterator<ListedFile> next = files.iterator();
        while (true) {
            while (inFlight.size() < FILES_IN_FLIGHT && next.hasNext() && !snapshot.full()) {
                ListedFile file = next.next();
                int capacity = snapshot.room() + 1;
                inFlight.add(CompletableFuture.supplyAsync(() -> {
                    BoundedSnapshot recording = BoundedSnapshot.recording(capacity);
                    readContained(store, file, boundary, recording);
                    return recording;
                }, readers));
            }
            if (inFlight.isEmpty()) {
                return;
            }
            inFlight.removeFirst().join().replayInto(snapshot);
            if (snapshot.full()) {
                // What is still being read can add nothing: each is bounded and its result is dropped.
                inFlight.forEach(reading -> reading.cancel(false));
                return;
            }
        }
    }

    /**
     * Reads {@code file} unless it is a link leading out of the source, which is a problem naming the link. A plain
     * file below plain folders inside the source needs no check: it is opened without following a link, so one put
     * in its place since it was listed is not read either.
     */
    private void readContained(StoreName store, ListedFile file, SourceRoot boundary, BoundedSnapshot recording) {
        if (file.plain()) {
            reader.read(store, file.path(), false, boundary, recording);
            return;
        }
        Optional<String> escape = boundary.escape(file.path());
        if (escape.isPresent()) {
            recording.problem(store, file.path().toString(), escape.get() + "; not read");
        } else if (Files.isRegularFile(file.path())) {
            reader.read(store, file.path(), true, boundary, recording);
        }
        // A link to a folder inside the source is not followed: the folder is read where it is.
    }
}
