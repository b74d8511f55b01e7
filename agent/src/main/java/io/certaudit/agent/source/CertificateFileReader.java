package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * Reads one certificate file of a folder source into the snapshot. PEM (one or many certificates, possibly with a
 * private key, or PKCS#7 blocks), DER, PKCS#7 bundles and PKCS#12 are recognised by content and extension; an empty
 * file, a file that is not a certificate and a file that is no kind the reader knows are each reported as such. For
 * Personal, a certificate's key is present when the same PEM or PFX holds a matching key or {@code name.key} beside
 * {@code name.crt} matches it; a certificate file alone means no key. Whatever cannot be read becomes a problem
 * naming the file; keys are never kept, only the fact that they match.
 *
 * <p>Files are read only up to the size limit, whatever size they claim ({@link BoundedFile}), and every encoded
 * structure passes {@link Asn1Guard} before a parser sees it. This class picks the kind of each file and reads DER
 * and PKCS#7 itself; {@link PemFile}, {@link Pkcs12File} and {@link KeyPairing} read the rest.
 */
public final class CertificateFileReader {

    /** Files larger than this are not certificates a store would hold; they are reported, not read. */
    public static final long DEFAULT_MAX_FILE_BYTES = SourceLimits.DEFAULT_MAX_FILE_BYTES;

    /**
     * The most password-derivation iterations one PKCS#12 file may ask for, all its steps together (integrity MAC,
     * encrypted containers, shrouded keys; twice over with the empty password, which the JDK also tries as a single
     * zero character). Windows and OpenSSL export with about 2,000 per step and Java's keytool with 10,000, three
     * steps to a file, so ordinary files need 6,000 to 60,000. One million takes about 1.5 seconds at the rate the
     * 57-second file below implies, and 6 seconds of the JDK's PBKDF2 with SHA-256 measured on a busy two-core
     * machine; a file asking more is reported, not opened.
     * Without this bound the JDK takes up to five million per step, and a 14 KB file with six key bags kept a reader
     * busy for nearly a minute.
     */
    public static final long PFX_ITERATION_BUDGET = 1_000_000;

    private static final List<String> CERTIFICATE_EXTENSIONS = List.of(".cer", ".crt", ".der", ".pem");
    private static final List<String> BUNDLE_EXTENSIONS = List.of(".p7b", ".p7c");

    private final char[] pfxPassword;
    private final SourceLimits limits;

    /**
     * @param pfxPassword the PKCS#12 password, or {@code null} to try an empty one; never logged or reported
     * @param limits      the largest file read and the most entries a source takes in
     */
    public CertificateFileReader(char[] pfxPassword, SourceLimits limits) {
        this.pfxPassword = pfxPassword == null ? null : pfxPassword.clone();
        this.limits = limits;
    }

    /**
     * @param pfxPassword  the PKCS#12 password, or {@code null} to try an empty one; never logged or reported
     * @param maxFileBytes the largest file read
     */
    public CertificateFileReader(char[] pfxPassword, long maxFileBytes) {
        this(pfxPassword, new SourceLimits(maxFileBytes, SourceLimits.DEFAULT_MAX_ENTRIES));
    }

    public static CertificateFileReader withDefaults() {
        return new CertificateFileReader(null, SourceLimits.defaults());
    }

    public SourceLimits limits() {
        return limits;
    }

    /**
     * Reads {@code file}, which belongs to {@code store}, following it when it is a link only if
     * {@code followLink} (the caller has checked where it leads).
     */
    void read(StoreName store, Path file, boolean followLink, SourceRoot boundary, BoundedSnapshot snapshot) {
        String origin = file.toString();
        byte[] content;
        try {
            content = BoundedFile.readAtMost(file, limits.maxFileBytes(), followLink);
        } catch (IOException e) {
            snapshot.problem(store, origin, "cannot read the file: " + e.getMessage());
            return;
        }
        if (content == null) {
            snapshot.problem(store, origin, "file is over the " + limits.maxFileBytes() + "-byte limit for a "
                    + "certificate file; not read (raise it with --max-file-bytes or 'limits: maxFileBytes')");
            return;
        }
        if (content.length == 0) {
            snapshot.problem(store, origin, "the file is empty (0 bytes): no certificate to read");
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        KeyPairing keys = new KeyPairing(boundary, snapshot, limits.maxFileBytes());
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            Pkcs12File.read(store, origin, content, pfxPassword, snapshot);
        } else if (PemFile.looksLikePem(content)) {
            PemFile.read(store, file, content, keys, snapshot);
        } else if (CERTIFICATE_EXTENSIONS.stream().anyMatch(name::endsWith)
                || BUNDLE_EXTENSIONS.stream().anyMatch(name::endsWith)) {
            readDer(store, file, content, keys, snapshot);
        } else {
            readUnknownKind(store, file, content, keys, snapshot);
        }
    }

    /**
     * A file whose name is no kind the reader knows ({@code readme.txt}, no extension): read when its content is a
     * DER certificate or bundle (PEM text was read already), so a certificate saved under another name is still
     * audited; anything else is named for what it is and not parsed further. PFX files are opened only by name: a
     * password is never tried on arbitrary files.
     */
    private void readUnknownKind(StoreName store, Path file, byte[] content, KeyPairing keys, BoundedSnapshot snapshot) {
        if ((content[0] & 0xff) == 0x30 && Asn1Guard.check(content).isEmpty()) {
            if (readBundle(store, file, content, keys, snapshot)) {
                return;
            }
            try {
                StoredCertificate certificate = StoredCertificate.parse(store, content, file.toString());
                snapshot.add(keys.withSiblingKey(certificate, file));
                return;
            } catch (UnreadableCertificateException e) {
                // not a certificate after all: named below
            }
        }
        snapshot.problem(store, file.toString(), "not a recognised kind of file: by its name and its content it is "
                + "no certificate, PKCS#7 bundle or key; not read (a store folder holds .cer .crt .der .pem .p7b "
                + ".p7c .pfx .p12 files and name.key beside name.crt)");
    }

    /**
     * Reads {@code content} as a PKCS#7 bundle into the snapshot; returns {@code false}, having read nothing, when
     * it is not one.
     */
    private boolean readBundle(StoreName store, Path file, byte[] content, KeyPairing keys, BoundedSnapshot snapshot) {
        Optional<Pkcs7Bundle> bundle = Pkcs7Bundle.read(content, Math.max(1, snapshot.room() + 1));
        if (bundle.isEmpty()) {
            return false;
        }
        List<StoredCertificate> certificates = new ArrayList<>();
        List<byte[]> encoded = bundle.get().certificates();
        for (int index = 1; index <= encoded.size(); index++) {
            String entryOrigin = file + "#" + index;
            try {
                certificates.add(StoredCertificate.parse(store, encoded.get(index - 1), entryOrigin));
            } catch (UnreadableCertificateException e) {
                snapshot.problem(store, entryOrigin, "certificate " + index + " of the PKCS#7 bundle cannot be "
                        + "read: " + e.getMessage());
            }
        }
        if (encoded.isEmpty() && bundle.get().others() == 0) {
            snapshot.problem(store, file.toString(), "the PKCS#7 bundle holds no certificate");
            return true;
        }
        if (bundle.get().others() > 0) {
            snapshot.problem(store, file.toString(), "the PKCS#7 bundle holds " + bundle.get().others()
                    + " entr" + (bundle.get().others() == 1 ? "y" : "ies") + " that are not X.509 certificates; "
                    + "skipped");
        }
        for (StoredCertificate certificate : certificates) {
            if (!snapshot.add(keys.withSiblingKey(certificate, file))) {
                return true;
            }
        }
        return true;
    }

    private void readDer(StoreName store, Path file, byte[] content, KeyPairing keys, BoundedSnapshot snapshot) {
        Optional<String> hostile = Asn1Guard.check(content);
        if (hostile.isPresent()) {
            snapshot.problem(store, file.toString(), "not a DER certificate: " + hostile.get());
            return;
        }
        if (readBundle(store, file, content, keys, snapshot)) {
            return;
        }
        if ((content[0] & 0xff) != 0x30) {
            snapshot.problem(store, file.toString(), "not a certificate: the file is neither PEM text nor DER "
                    + "(binary ASN.1) data");
            return;
        }
        try {
            StoredCertificate certificate = StoredCertificate.parse(store, content, file.toString());
            snapshot.add(keys.withSiblingKey(certificate, file));
        } catch (UnreadableCertificateException e) {
            snapshot.problem(store, file.toString(), "not a certificate: DER data that is neither an X.509 "
                    + "certificate nor a PKCS#7 bundle (" + e.getMessage() + ")");
        }
    }

}
