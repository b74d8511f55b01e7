package io.certaudit.agent.source.serialized;

import java.nio.file.Path;
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
import io.certaudit.model.StoreEntryProperties;
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
        byte[] data = ExportFile.read(file, limits.maxExportBytes(SIZE_FACTOR));
        HostSnapshot.Builder builder = HostSnapshot.builder(ExportFile.name(file), describe());
        BoundedSnapshot snapshot = new BoundedSnapshot(builder, limits.maxEntries());
        String text = RegFileText.decode(data,
                (offset, message) -> snapshot.problem(null, file + " at offset " + offset, message));
        List<RegFileParser.RegistryKey> keys = RegFileParser.parse(text,
                (line, message) -> snapshot.problem(null, file + " line " + line, message));
        Set<String> skippedStores = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        int entries = 0;
        for (RegFileParser.RegistryKey key : keys) {
            if (snapshot.full()) {
                break;
            }
            Optional<RegistryCertificateKey> certificateKey = RegistryCertificateKey.parse(key.path());
            if (certificateKey.isEmpty()) {
                continue;
            }
            Optional<StoreName> store = certificateKey.get().store();
            if (store.isEmpty() || (certificateKey.get().userHive() && store.get() != StoreName.MY)) {
                skippedStores.add(certificateKey.get().storeKeyName());
                continue;
            }
            entries++;
            readEntry(key, certificateKey.get(), store.get(), snapshot);
        }
        if (entries == 0) {
            snapshot.problem(null, file.toString(), "no certificate of the MY, CA or ROOT stores found"
                    + (skippedStores.isEmpty()
                    ? ": the file has no key ...\\SystemCertificates\\<STORE>\\Certificates\\<SHA-1>"
                    : "; it holds only other stores: " + String.join(", ", skippedStores)));
        }
        return builder.build();
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
        byte[] bytes;
        try {
            bytes = RegFileParser.hexBytes(blob.data());
        } catch (IllegalArgumentException e) {
            snapshot.problem(store, file + " line " + blob.line() + " [" + key.path() + "]",
                    "the Blob value cannot be read: " + e.getMessage());
            return;
        }
        OffsetProblems problems = (offset, message) -> snapshot.problem(store,
                file + " line " + blob.line() + " [" + key.path() + "] Blob offset " + offset, message);
        Optional<StoredCertificate> certificate = ElementReader.readElement(bytes, problems)
                .flatMap(element -> StoreEntryFactory.create(element, store,
                        certificateKey.physicalStoreOfEntry(), origin, problems))
                .map(entry -> entry.withProperty(StoreEntryProperties.REGISTRY_KEY_NAME,
                        certificateKey.entryName()));
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
