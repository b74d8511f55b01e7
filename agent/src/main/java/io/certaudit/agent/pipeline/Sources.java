package io.certaudit.agent.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.FolderSource;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.serialized.RegistryExportSource;
import io.certaudit.agent.source.serialized.SstSource;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;

/** Picks the source for a {@code --source} path, and combines several into one host. */
public final class Sources {

    private Sources() {
    }

    /**
     * The source reading {@code path}: a folder of store subfolders, a serialized store ({@code .sst}) or a registry
     * export ({@code .reg}).
     *
     * @param store the store an {@code .sst} belongs to, or {@code null} to take it from the file name
     */
    public static HostSource open(Path path, StoreName store, CertificateFileReader reader) throws SourceException {
        return open(path, store, false, reader);
    }

    /**
     * The source reading {@code path}, given as {@code STORE=PATH} when {@code storeOfSource}: then a folder or a
     * certificate, bundle or PFX file holds that store alone, and an {@code .sst} belongs to it. A registry export
     * names the store of each certificate itself and takes no store.
     */
    public static HostSource open(Path path, StoreName store, boolean storeOfSource, CertificateFileReader reader)
            throws SourceException {
        if (storeOfSource && store != null) {
            return openAsStore(path, store, reader);
        }
        if (Files.isDirectory(path)) {
            return new FolderSource(path, reader);
        }
        if (!Files.exists(path)) {
            throw new SourceException("source " + path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sst")) {
            return new SstSource(path, store, reader.limits());
        }
        if (name.endsWith(".reg")) {
            return new RegistryExportSource(path, reader.limits());
        }
        throw new SourceException("source " + path + " is neither a folder nor a .sst or .reg export; give a folder "
                + "with MY, CA and ROOT subfolders, a serialized store (.sst) or a registry export (.reg), or name "
                + "the store a certificate file belongs to (--source CA=" + path + ")");
    }

    private static HostSource openAsStore(Path path, StoreName store, CertificateFileReader reader)
            throws SourceException {
        if (!Files.exists(path)) {
            throw new SourceException("source " + path + " does not exist");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return FolderSource.ofStore(path, store, reader);
        }
        if (name.endsWith(".sst")) {
            return new SstSource(path, store, reader.limits());
        }
        if (name.endsWith(".reg")) {
            throw new SourceException("a registry export names the store of each certificate itself; give " + path
                    + " without " + store + "=");
        }
        return FolderSource.ofStore(path, store, reader);
    }

    /**
     * Reads every source into one host named {@code hostName} ({@code null}: the name the first source read
     * gives); a source that cannot be read at all stops the audit, as it would alone.
     */
    public static HostSnapshot combine(String hostName, List<HostSource> sources) throws SourceException {
        String description = String.join(" + ", sources.stream().map(HostSource::describe).toList());
        HostSnapshot.Builder combined = null;
        for (HostSource source : sources) {
            HostSnapshot read = source.read();
            if (combined == null) {
                combined = HostSnapshot.builder(hostName != null ? hostName : read.hostName(), description);
            }
            combined.addAll(read);
        }
        return combined == null ? HostSnapshot.builder(hostName == null ? "host" : hostName, description).build()
                : combined.build();
    }

    /** The host name a path suggests: a folder's own name, or the name of the folder a file is in. */
    public static String hostNameOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path named = Files.isDirectory(absolute) || absolute.getParent() == null ? absolute : absolute.getParent();
        return named.getFileName() == null ? "host" : named.getFileName().toString();
    }
}
