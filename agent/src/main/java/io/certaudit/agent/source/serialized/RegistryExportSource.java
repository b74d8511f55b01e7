package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.certaudit.agent.source.BoundedSnapshot;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.SourceLimits;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * Reads a registry export of certificate stores, e.g. {@code reg export
 * HKLM\SOFTWARE\Microsoft\SystemCertificates\MY my.reg}, or the Policies and EnterpriseCertificates keys. Each
 * certificate is a key {@code ...\<STORE>\Certificates\<SHA-1>} whose {@code Blob} value is one serialized
 * element (Wine's {@code dlls/crypt32/regstore.c}); the store and the physical store come from the key path,
 * so one file may hold several stores. The export is the store itself, properties and all, which is why it
 * tells more than a certificate file: the key's provider and container, the friendly name, the store's own
 * EKU restriction, the archived flag, and the key name to check against the certificate.
 *
 * <p>Certificates of a user's Personal store (HKEY_CURRENT_USER, HKEY_USERS) are reported as user-store
 * certificates; stores the audit does not read (TrustedPeople, Trust...) are skipped.
 *
 * <p>The same file may hold (or be no more than) an export of the SCHANNEL key or of the Windows version key: those
 * become the snapshot's SCHANNEL settings and Windows version ({@link SchannelExport}), and cover no store.
 */
public final class RegistryExportSource implements HostSource {

    /**
     * How many times the certificate-file limit a .reg may be: 256 MiB by default. The export is UTF-16 hexadecimal
     * text, about nine bytes per byte of certificate, so a full SystemCertificates export with AuthRoot is a few tens
     * of megabytes and 10,000 Personal certificates some 150.
     */
    static final int SIZE_FACTOR = 16;

    private static final String BLOB = "Blob";

    private final Path file;
    private final SourceLimits limits;

    /**
     * @param file   the .reg file
     * @param limits the certificate-file limit (the file may be {@value #SIZE_FACTOR} times it) and the entry limit
     */
    public RegistryExportSource(Path file, SourceLimits limits) {
        this.file = Objects.requireNonNull(file, "file");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A .reg read with the default limits. */
    public RegistryExportSource(Path file) {
        this(file, SourceLimits.defaults());
    }

    @Override
    public HostSnapshot read() throws SourceException {
        long limit = limits.maxExportBytes(SIZE_FACTOR);
        HostSnapshot.Builder builder = HostSnapshot.builder(ExportFile.name(file), describe());
        BoundedSnapshot snapshot = new BoundedSnapshot(builder, limits.maxEntries());
        Set<String> skippedStores = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        // The stores the export covers: those whose LocalMachine key it holds, with or without certificates, so a
        // Trusted Root export alone does not make the Personal store look empty.
        Set<StoreName> given = EnumSet.noneOf(StoreName.class);
        List<RegFileParser.RegistryKey> keys;
        // The SCHANNEL and Windows version keys are kept beside the certificate keys; they do not take an entry's
        // room, so they are not counted against it.
        int[] settingsKeys = {0};
        // The export is read as a stream: only the certificate keys of audited stores are kept, and reading stops
        // once they and the problems found would fill the source, so neither the file's size nor its line count
        // decides what the audit holds in memory.
        try (InputStream bytes = ExportFile.open(file, limit);
             Reader text = RegFileText.open(bytes, (offset, message) -> snapshot.problem(null,
                     file + " at offset " + offset, message))) {
            keys = RegFileParser.parse(text, (line, message) -> snapshot.problem(null, file + " line " + line,
                    message), path -> {
                        if (SchannelExport.isSchannelKey(path) || SchannelExport.isVersionKey(path)) {
                            settingsKeys[0]++;
                            return true;
                        }
                        RegistryCertificateKey.machineStoreOf(path).ifPresent(given::add);
                        return auditedStore(path, skippedStores);
                    },
                    RegFileParser.Caps.forValuesOf(limits.maxFileBytes()),
                    kept -> snapshot.full() || kept - settingsKeys[0] > snapshot.room());
        } catch (IOException e) {
            throw new SourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int entries = 0;
        boolean settingsRead = false;
        for (RegFileParser.RegistryKey key : keys) {
            if (SchannelExport.isSchannelKey(key.path())) {
                builder.schannel(SchannelExport.settings(key, file.toString()));
                settingsRead = true;
                continue;
            }
            if (SchannelExport.isVersionKey(key.path())) {
                SchannelExport.version(key, file.toString()).ifPresentOrElse(builder::windowsVersion,
                        () -> snapshot.problem(null, file + " line " + key.line() + " [" + key.path() + "]",
                                "the key has no readable CurrentBuildNumber; the Windows version stays unknown"));
                settingsRead = true;
                continue;
            }
            if (snapshot.full()) {
                continue;
            }
            RegistryCertificateKey certificateKey = RegistryCertificateKey.parse(key.path()).orElseThrow();
            entries++;
            readEntry(key, certificateKey, certificateKey.store().orElseThrow(), snapshot);
        }
        if (entries == 0 && !settingsRead) {
            snapshot.problem(null, file.toString(), "no certificate of the MY, CA or ROOT stores found"
                    + (skippedStores.isEmpty()
                    ? ": the file has no key ...\\SystemCertificates\\<STORE>\\Certificates\\<SHA-1>"
                    : "; it holds only other stores: " + String.join(", ", skippedStores)));
        }
        if (!given.isEmpty() || settingsRead) {
            // An export of the SCHANNEL key alone covers no store: the stores come from the other sources.
            builder.storesGiven(given);
        }
        return builder.build();
    }

    /**
     * Whether the key at {@code path} holds a certificate of a store the audit reads; a certificate key of any other
     * store adds its store's name to {@code skippedStores}.
     */
    private static boolean auditedStore(String path, Set<String> skippedStores) {
        Optional<RegistryCertificateKey> certificateKey = RegistryCertificateKey.parse(path);
        if (certificateKey.isEmpty()) {
            return false;
        }
        Optional<StoreName> store = certificateKey.get().store();
        if (store.isEmpty() || (certificateKey.get().userHive() && store.get() != StoreName.MY)) {
            skippedStores.add(certificateKey.get().storeKeyName());
            return false;
        }
        return true;
    }

    private void readEntry(RegFileParser.RegistryKey key, RegistryCertificateKey certificateKey, StoreName store,
                           BoundedSnapshot snapshot) {
        String origin = file + " [" + key.path() + "]";
        RegFileParser.RegistryValue blob = key.value(BLOB);
        if (blob == null || !blob.binary()) {
            snapshot.problem(store, file + " line " + key.line() + " [" + key.path() + "]",
                    blob == null ? "the certificate key has no Blob value; no certificate to read"
                            : "the Blob value is not binary (hex:) data; no certificate to read");
            return;
        }
        byte[] bytes = blob.bytes();
        if (bytes == null) {
            snapshot.problem(store, file + " line " + blob.line() + " [" + key.path() + "]",
                    "the Blob value cannot be read: " + blob.damage());
            return;
        }
        OffsetProblems problems = (offset, message) -> snapshot.problem(store,
                file + " line " + blob.line() + " [" + key.path() + "] Blob offset " + offset, message);
        Optional<StoredCertificate> certificate = ElementReader.readElement(bytes, problems)
                .flatMap(element -> StoreEntryFactory.create(element, store,
                        certificateKey.physicalStoreOfEntry(), origin, problems))
                .map(entry -> entry.withStoreEntry(entry.storeEntry()
                        .withRegistryKeyName(certificateKey.entryName())));
        if (certificate.isEmpty()) {
            return;
        }
        if (certificateKey.userHive()) {
            snapshot.addUserStoreCertificate(certificate.get());
        } else {
            snapshot.add(certificate.get());
        }
    }

    @Override
    public String describe() {
        return "registry export " + file;
    }
}
