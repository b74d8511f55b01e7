package io.certaudit.agent.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;

import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * Reads one certificate file of a folder source into the snapshot. PEM (one or many certificates, possibly with a
 * private key, or PKCS#7 blocks), DER, PKCS#7 bundles and PKCS#12 are recognised by content and extension; an empty
 * file, a file that is not a certificate and a file that is no kind the reader knows are each reported as such. For
 * Personal, a certificate's key is present when the same PEM or PFX holds a matching key or {@code name.key} beside
 * {@code name.crt} matches it; a certificate file alone means no key. Whatever cannot be read becomes a problem
 * naming the file; keys are never kept, only the fact that they match.
 *
 * <p>Files are read only up to the size limit, whatever size they claim, and every encoded structure passes
 * {@link Asn1Guard} before a parser sees it.
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

    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
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
     * Reads {@code file}, which belongs to {@code store}; {@code siblings} are the other files of the folder,
     * for {@code name.key} look-ups.
     */
    void read(StoreName store, Path file, List<Path> siblings, SourceRoot boundary, BoundedSnapshot snapshot) {
        String origin = file.toString();
        byte[] content;
        try {
            content = readAtMost(file, limits.maxFileBytes());
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
        Keys keys = new Keys(boundary, snapshot);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            readPkcs12(store, origin, content, snapshot);
        } else if (looksLikePem(content)) {
            readPem(store, file, content, keys, snapshot);
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
    private void readUnknownKind(StoreName store, Path file, byte[] content, Keys keys, BoundedSnapshot snapshot) {
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
    private boolean readBundle(StoreName store, Path file, byte[] content, Keys keys, BoundedSnapshot snapshot) {
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

    /**
     * The file's bytes, or {@code null} when it holds more than {@code limit}: read with a bound rather than trusting
     * the size the file system reports, which a growing file or a device outruns.
     */
    static byte[] readAtMost(Path file, long limit) throws IOException {
        int bound = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            // The reported size only sizes the first buffer, one byte larger so that a file that grew shows it.
            byte[] first = new byte[(int) Math.min(channel.size() + 1, bound)];
            InputStream in = Channels.newInputStream(channel);
            int read = in.readNBytes(first, 0, first.length);
            byte[] content = read < first.length ? Arrays.copyOf(first, read)
                    : concat(first, in.readNBytes(bound - first.length));
            return content.length > limit ? null : content;
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        if (tail.length == 0) {
            return head;
        }
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Whether a PEM header appears anywhere: the JDK's decoder would find one past any prefix too. */
    private static boolean looksLikePem(byte[] content) {
        outer:
        for (int i = 0; i + PEM_BEGIN.length <= content.length; i++) {
            for (int j = 0; j < PEM_BEGIN.length; j++) {
                if (content[i + j] != PEM_BEGIN[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void readDer(StoreName store, Path file, byte[] content, Keys keys, BoundedSnapshot snapshot) {
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

    private void readPem(StoreName store, Path file, byte[] content, Keys siblingKeys, BoundedSnapshot snapshot) {
        List<StoredCertificate> plain = plainCertificates(store, file, content, snapshot.room() + 1);
        if (plain != null) {
            addPemCertificates(store, file, plain, List.of(), false, siblingKeys, snapshot);
            return;
        }
        List<StoredCertificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean encryptedKey = false;
        int index = 0;
        GuardedPemParser parser = new GuardedPemParser(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII));
        try (parser) {
            Object object;
            while (!snapshot.full() && certificates.size() <= snapshot.room()
                    && (object = parser.readObject()) != null) {
                index++;
                byte[] der = null;
                if (object instanceof ContentInfo bundle) {
                    addBundleBlock(store, file, index, bundle, certificates, snapshot);
                } else if (object instanceof X509CertificateHolder holder) {
                    der = holder.getEncoded();
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    der = trusted.getCertificateHolder().getEncoded();
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(privateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(privateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encryptedKey = true;
                }
                if (der != null) {
                    parseBlock(store, file, index, der, certificates, snapshot);
                }
            }
        } catch (IOException | RuntimeException e) {
            snapshot.problem(store, file.toString(), "PEM block " + (index + 1) + " is damaged ("
                    + parser.damage(e) + "); " + certificates.size() + " certificate(s) before it were read");
        }
        addPemCertificates(store, file, certificates, keys, encryptedKey, siblingKeys, snapshot);
    }

    /** The certificates of a PKCS7 block, as {@code file#block.n}. */
    private static void addBundleBlock(StoreName store, Path file, int index, ContentInfo block,
                                       List<StoredCertificate> certificates, BoundedSnapshot snapshot)
            throws IOException {
        Optional<Pkcs7Bundle> bundle = Pkcs7Bundle.read(block.getEncoded(),
                Math.max(1, snapshot.room() + 1 - certificates.size()));
        if (bundle.isEmpty()) {
            snapshot.problem(store, file + "#" + index, "PEM block " + index + " is not a PKCS#7 certificate "
                    + "bundle (it is CMS content of another type)");
            return;
        }
        List<byte[]> encoded = bundle.get().certificates();
        for (int n = 1; n <= encoded.size(); n++) {
            String origin = file + "#" + index + "." + n;
            try {
                certificates.add(StoredCertificate.parse(store, encoded.get(n - 1), origin));
            } catch (UnreadableCertificateException e) {
                snapshot.problem(store, origin, "certificate " + n + " of the PKCS#7 bundle in PEM block " + index
                        + " cannot be read: " + e.getMessage());
            }
        }
    }

    /**
     * The certificates of a file of plain certificate blocks ({@link PlainCertificatePem}), or {@code null} when it
     * is not one or a block does not decode: the PEM parser then reads the file and words what is wrong.
     */
    private List<StoredCertificate> plainCertificates(StoreName store, Path file, byte[] content, int max) {
        List<byte[]> blocks = PlainCertificatePem.decode(content);
        if (blocks == null) {
            return null;
        }
        // Only what the entry limit can still take is parsed: decoding a block is cheap, parsing it is not.
        int parsed = Math.min(blocks.size(), Math.max(1, max));
        List<StoredCertificate> certificates = new ArrayList<>(parsed);
        for (int index = 1; index <= parsed; index++) {
            try {
                certificates.add(StoredCertificate.parse(store, blocks.get(index - 1), file + "#" + index));
            } catch (UnreadableCertificateException e) {
                return null;
            }
        }
        return certificates;
    }

    /** Parses the certificate of PEM block {@code index} (from 1) into {@code certificates}, or records why not. */
    private static void parseBlock(StoreName store, Path file, int index, byte[] der,
                                   List<StoredCertificate> certificates, BoundedSnapshot snapshot) {
        String origin = file + "#" + index;
        try {
            certificates.add(StoredCertificate.parse(store, der, origin));
        } catch (UnreadableCertificateException e) {
            snapshot.problem(store, origin, "PEM block " + index + " is not a certificate: " + e.getMessage());
        }
    }

    private void addPemCertificates(StoreName store, Path file, List<StoredCertificate> certificates,
                                    List<PrivateKey> keys, boolean encryptedKey, Keys siblingKeys,
                                    BoundedSnapshot snapshot) {
        if (certificates.isEmpty() && keys.isEmpty() && !encryptedKey) {
            snapshot.problem(store, file.toString(), "the PEM file holds no certificate");
            return;
        }
        for (StoredCertificate read : certificates) {
            StoredCertificate certificate = read;
            if (store == StoreName.MY && (!keys.isEmpty() || encryptedKey)) {
                certificate = certificate.withPrivateKey(keyInSameFile(certificate, keys, encryptedKey, file));
            } else {
                certificate = siblingKeys.withSiblingKey(certificate, file);
            }
            if (!snapshot.add(certificate)) {
                return;
            }
        }
    }

    private static PrivateKeyFacts keyInSameFile(StoredCertificate certificate, List<PrivateKey> keys,
                                                 boolean encryptedKey, Path file) {
        boolean uncheckable = false;
        for (PrivateKey key : keys) {
            KeyMatcher.Verdict verdict = KeyMatcher.check(key, certificate.certificate().getPublicKey());
            if (verdict == KeyMatcher.Verdict.MATCHES) {
                return PrivateKeyFacts.inFile(file.toString(), "the private key in " + file.getFileName()
                        + " matches the certificate");
            }
            uncheckable |= verdict == KeyMatcher.Verdict.CANNOT_CHECK;
        }
        if (uncheckable) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN,
                    file.toString(), null, "whether the private key in " + file.getFileName()
                    + " matches the certificate cannot be checked: the key or the certificate's key is of a kind "
                    + "the audit cannot decode");
        }
        if (encryptedKey && keys.isEmpty()) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null,
                    Tristate.UNKNOWN, file.toString(), null, "the private key in " + file.getFileName()
                    + " is encrypted; whether it matches cannot be checked without its passphrase");
        }
        return PrivateKeyFacts.absent("the private key in " + file.getFileName() + " does not match the certificate");
    }

    /** Where the key files of one certificate file are looked for, and where a key file leading out is reported. */
    private final class Keys {
        private final SourceRoot boundary;
        private final BoundedSnapshot snapshot;

        Keys(SourceRoot boundary, BoundedSnapshot snapshot) {
            this.boundary = boundary;
            this.snapshot = snapshot;
        }

        /**
         * For Personal certificates: looks for {@code name.key} beside {@code name.crt}. A key file that leads out of
         * the source is not read: the certificate has no key, and the link is a problem naming it.
         */
        StoredCertificate withSiblingKey(StoredCertificate certificate, Path file) {
            if (certificate.store() != StoreName.MY) {
                return certificate;
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path keyFile = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".key");
            if (!Files.isRegularFile(keyFile)) {
                return certificate.withPrivateKey(PrivateKeyFacts.absent("certificate file " + file.getFileName()
                        + " has no private key with it (no key in the file, no " + keyFile.getFileName() + ")"));
            }
            Optional<String> escape = boundary.escape(keyFile);
            if (escape.isPresent()) {
                snapshot.problem(certificate.store(), keyFile.toString(), "the key file " + escape.get()
                        + "; not read");
                return certificate.withPrivateKey(PrivateKeyFacts.absent("key file " + keyFile.getFileName()
                        + " leads outside the source folder; not read"));
            }
            return certificate.withPrivateKey(readKeyFile(certificate, keyFile));
        }
    }

    private PrivateKeyFacts readKeyFile(StoredCertificate certificate, Path keyFile) {
        byte[] content;
        try {
            content = readAtMost(keyFile, limits.maxFileBytes());
        } catch (IOException e) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " cannot be read (" + describe(e)
                    + ")");
        }
        if (content == null) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " is too large to be a key");
        }
        List<PrivateKey> keys = new ArrayList<>();
        boolean encrypted = false;
        GuardedPemParser parser = new GuardedPemParser(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII));
        try (parser) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair pair) {
                    keys.add(privateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(privateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encrypted = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " cannot be read (" + parser.damage(e)
                    + ")");
        }
        if (keys.isEmpty() && !encrypted) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " holds no private key");
        }
        return keyInSameFile(certificate, keys, encrypted, keyFile);
    }

    private void readPkcs12(StoreName store, String origin, byte[] content, BoundedSnapshot snapshot) {
        Optional<String> hostile = Asn1Guard.check(content);
        if (hostile.isPresent()) {
            snapshot.problem(store, origin, "cannot open the PFX: " + hostile.get());
            return;
        }
        char[] password = pfxPassword == null ? new char[0] : pfxPassword.clone();
        Pkcs12Cost cost = Pkcs12Cost.of(content);
        long work = password.length == 0 ? saturatedDouble(cost.iterations()) : cost.iterations();
        if (work > PFX_ITERATION_BUDGET) {
            snapshot.problem(store, origin, "the PFX is not opened: deriving its keys from the password would take "
                    + work + " iterations (integrity check, encrypted parts and keys together), over the budget of "
                    + PFX_ITERATION_BUDGET + " per file; files exported by Windows, OpenSSL or Java take a few "
                    + "thousand");
            return;
        }
        try {
            KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
            pkcs12.load(new ByteArrayInputStream(content), password);
            // Keys in encrypted containers were not counted: their derivation cost is unknown, so none is opened.
            boolean keysCounted = keyEntries(pkcs12) <= cost.visibleKeys();
            int read = 0;
            Enumeration<String> aliases = pkcs12.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                Certificate[] chain = pkcs12.isKeyEntry(alias) ? pkcs12.getCertificateChain(alias)
                        : new Certificate[] {pkcs12.getCertificate(alias)};
                if (chain == null || chain.length == 0 || chain[0] == null) {
                    continue;
                }
                for (int i = 0; i < chain.length; i++) {
                    String entryOrigin = origin + "#" + alias + (i == 0 ? "" : "/chain" + i);
                    StoredCertificate certificate = StoredCertificate.parse(store, chain[i].getEncoded(), entryOrigin)
                            .withFriendlyName(alias);
                    if (store == StoreName.MY) {
                        certificate = certificate.withPrivateKey(i == 0 && pkcs12.isKeyEntry(alias)
                                ? keysCounted ? pkcs12KeyFacts(pkcs12, alias, password, certificate, origin)
                                : PrivateKeyFacts.unknown("the PFX keeps this certificate's key inside an "
                                + "encrypted part, where the cost of opening it cannot be checked first; not opened")
                                : PrivateKeyFacts.absent("the PFX holds this certificate without a key"));
                    }
                    if (!snapshot.add(certificate)) {
                        return;
                    }
                    read++;
                }
            }
            if (read == 0) {
                snapshot.problem(store, origin, "the PFX holds no certificate");
            }
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            snapshot.problem(store, origin, wrongPassword
                    ? "cannot open the PFX: the password is wrong (give it with --pfx-password-env VARIABLE)"
                    : "cannot open the PFX: " + describe(e));
        } catch (GeneralSecurityException | UnreadableCertificateException | RuntimeException e) {
            snapshot.problem(store, origin, "cannot read the PFX: " + describe(e));
        } catch (StackOverflowError e) {
            // The guard sees only the PFX's clear layers; the JDK decrypts the rest and parses it recursively. The
            // stack is unwound by now and the parser kept no state, so the file is reported like any damaged one.
            snapshot.problem(store, origin, "cannot read the PFX: its encrypted contents are nested too deeply");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static long saturatedDouble(long value) {
        return value > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : value * 2;
    }

    private static int keyEntries(KeyStore pkcs12) throws GeneralSecurityException {
        int keys = 0;
        for (Enumeration<String> aliases = pkcs12.aliases(); aliases.hasMoreElements(); ) {
            if (pkcs12.isKeyEntry(aliases.nextElement())) {
                keys++;
            }
        }
        return keys;
    }

    private static PrivateKeyFacts pkcs12KeyFacts(KeyStore pkcs12, String alias, char[] password,
                                                  StoredCertificate certificate, String origin) {
        try {
            Key key = pkcs12.getKey(alias, password);
            KeyMatcher.Verdict verdict = key instanceof PrivateKey privateKey
                    ? KeyMatcher.check(privateKey, certificate.certificate().getPublicKey())
                    : KeyMatcher.Verdict.DIFFERS;
            if (verdict == KeyMatcher.Verdict.MATCHES) {
                return PrivateKeyFacts.inFile(origin, "the PFX holds the matching private key");
            }
            if (verdict == KeyMatcher.Verdict.CANNOT_CHECK) {
                return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN, origin,
                        null, "whether the private key in the PFX matches the certificate cannot be checked: the "
                        + "key is of a kind the audit cannot decode");
            }
            return PrivateKeyFacts.absent("the private key in the PFX does not match the certificate");
        } catch (NoSuchAlgorithmException e) {
            // The JDK lacks the key's algorithm or curve: the key is there, but cannot be compared.
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN, origin, null,
                    "the private key in the PFX cannot be decoded by this Java runtime (" + describe(e)
                    + "), so whether it matches cannot be checked");
        } catch (GeneralSecurityException | RuntimeException e) {
            return PrivateKeyFacts.absent("the private key in the PFX cannot be opened (" + describe(e) + ")");
        }
    }

    /**
     * The JDK's key for a decoded PEM key; BouncyCastle's when the JDK lacks the algorithm or curve (secp256k1,
     * brainpool), so the key is still compared rather than reported unreadable.
     */
    private static PrivateKey privateKey(PrivateKeyInfo info) throws PEMException {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException | RuntimeException jdkLacksIt) {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        }
    }

    /** Created on first use: most audits never need BouncyCastle's provider and its start-up cost. */
    private static final class BouncyCastle {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * A PEM parser that hands each block to {@link Asn1Guard} before BouncyCastle decodes it, and that words what
     * went wrong with a block without repeating the decoder's message for keys: those messages name the block type
     * and may quote its content.
     */
    private static final class GuardedPemParser extends PEMParser {
        private String lastType;
        private String refused;

        GuardedPemParser(Reader reader) {
            super(reader);
        }

        @Override
        public PemObject readPemObject() throws IOException {
            PemObject block = super.readPemObject();
            if (block != null) {
                lastType = block.getType();
                Optional<String> hostile = Asn1Guard.check(block.getContent());
                if (hostile.isPresent()) {
                    refused = hostile.get();
                    throw new IOException(refused);
                }
                if (lastType.equals("CERTIFICATE") && Pkcs7Bundle.is(block.getContent())) {
                    // certutil -encode of a .p7b writes the bundle under a CERTIFICATE header.
                    return new PemObject("PKCS7", block.getHeaders(), block.getContent());
                }
            }
            return block;
        }

        /** What was wrong with the block being read when {@code e} was thrown, safe to report. */
        String damage(Exception e) {
            if (refused != null) {
                return refused;
            }
            String message = describe(e);
            if (lastType != null && lastType.contains("KEY") || message.contains("KEY")) {
                return "a private key that cannot be decoded; its content is not shown";
            }
            return message;
        }
    }
}
