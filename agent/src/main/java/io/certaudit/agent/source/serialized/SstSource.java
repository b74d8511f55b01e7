package io.certaudit.agent.source.serialized;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.certaudit.agent.source.BoundedSnapshot;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.SourceLimits;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;

/**
 * Reads a serialized certificate store (.sst) as CertSaveStore(CERT_STORE_SAVE_AS_STORE), Export-Certificate
 * -Type SST and the certificates snap-in write it: the 8-byte header {@code 00 00 00 00 "CERT"} ([MS-OSHARED]
 * 2.3.9.1: version 0, fileType 0x54524543), the certificate elements, and a 12-byte zero end marker. The file
 * does not say which store it came from, so the user names it ({@code --source ROOT=FILE}, {@code --store}) or
 * the file name does ({@code my.sst}, {@code root.sst}, {@code intermediate.sst}, {@code root-2026.sst}).
 */
public final class SstSource implements HostSource {

    /**
     * How many times the certificate-file limit an .sst may be: 64 MiB by default, far above a full Trusted Root
     * store (under a megabyte) or 10,000 Personal certificates (some 20 MiB).
     */
    static final int SIZE_FACTOR = 4;

    private static final byte[] HEADER = {0, 0, 0, 0, 'C', 'E', 'R', 'T'};
    /** What may follow the store's name at the start of a file name. */
    private static final String SEPARATORS = "-_. ";

    private final Path file;
    private final StoreName store;
    private final SourceLimits limits;

    /**
     * @param file   the .sst file
     * @param store  the store it was exported from, or {@code null} to take it from the file name
     * @param limits the certificate-file limit (the file may be {@value #SIZE_FACTOR} times it) and the entry limit
     */
    public SstSource(Path file, StoreName store, SourceLimits limits) {
        this.file = Objects.requireNonNull(file, "file");
        this.store = store;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** An .sst read with the default limits. */
    public SstSource(Path file, StoreName store) {
        this(file, store, SourceLimits.defaults());
    }

    @Override
    public HostSnapshot read() throws SourceException {
        StoreName target = store != null ? store : storeFromFileName(file).orElseThrow(() -> new SourceException(
                "cannot tell which store " + file + " was exported from: give it as --source ROOT=" + file
                        + " (or MY=, CA=), name it after its store (root.sst, root-2026.sst, CA_export.sst), or"
                        + " give --store MY|CA|ROOT"));
        byte[] data = ExportFile.read(file, limits.maxExportBytes(SIZE_FACTOR));
        HostSnapshot.Builder snapshot = HostSnapshot.builder(ExportFile.name(file), describe())
                .storesGiven(Set.of(target));
        BoundedSnapshot entries = new BoundedSnapshot(snapshot, limits.maxEntries());
        OffsetProblems problems = (offset, message) -> entries.problem(target, origin(offset), message);
        if (!header(data, problems)) {
            return snapshot.build();
        }
        ElementReader.readStore(data, HEADER.length, problems, element -> {
            StoreEntryFactory.create(element, target, null, origin(element.offset()), problems)
                    .ifPresent(entries::add);
            return !entries.full();
        });
        return snapshot.build();
    }

    @Override
    public String describe() {
        return "serialized store " + file + (store == null ? "" : " (" + store + ")");
    }

    /**
     * The store a file name stands for, its extension left out: the whole name ({@code MY.sst},
     * {@code Trusted_Root.sst}) or its start up to a separator ({@code root-2026.sst}, {@code CA_export.sst},
     * {@code Trusted Root 2026-05.sst}); the longest such start that names a store wins.
     */
    static Optional<StoreName> storeFromFileName(Path file) {
        String name = ExportFile.name(file);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Optional<StoreName> whole = StoreName.fromAlias(stem);
        if (whole.isPresent()) {
            return whole;
        }
        for (int end = stem.length() - 1; end > 0; end--) {
            if (SEPARATORS.indexOf(stem.charAt(end)) >= 0) {
                Optional<StoreName> start = StoreName.fromAlias(stem.substring(0, end));
                if (start.isPresent()) {
                    return start;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the file header. A wrong header is reported and the elements are still read after it, so a file
     * whose first bytes alone were damaged still yields its certificates.
     *
     * @return whether there is anything after a header to read
     */
    private static boolean header(byte[] data, OffsetProblems problems) {
        if (data.length == 0) {
            problems.report(0, "the file is empty: no header, no certificates and no end marker");
            return false;
        }
        if (data.length < HEADER.length) {
            problems.report(0, "the file is " + data.length + " bytes, shorter than the 8-byte serialized store"
                    + " header");
            return false;
        }
        if (!Arrays.equals(data, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            problems.report(0, "not a serialized certificate store: it starts with " + hex(data)
                    + " instead of 00 00 00 00 43 45 52 54 (\"CERT\")" + likelyFormat(data)
                    + "; read on as if the header were right");
        }
        return true;
    }

    private static String likelyFormat(byte[] data) {
        if ((data[0] & 0xFF) == 0x30) {
            return ", which looks like DER (a .cer or PKCS #7 .p7b file)";
        }
        if (data[0] == '-') {
            return ", which looks like PEM text";
        }
        return "";
    }

    private static String hex(byte[] data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < HEADER.length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", data[i] & 0xFF));
        }
        return text.toString();
    }

    private String origin(long offset) {
        return file + " at offset " + offset;
    }
}
