package io.certaudit.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.security.auth.x500.X500Principal;

/**
 * One certificate entry of one store, as a source found it: the encoded certificate, where it came from and the
 * facts the source knows about it. Immutable; the {@code with...} methods return a copy.
 *
 * <p>It holds the encoding and the facts extracted from it (names, where the signed part and the signature lie in
 * the encoding), not the JDK's decoded certificate: a decoded certificate weighs several times its encoding, and an
 * audit of tens of thousands of certificates would keep them all for the whole run. {@link #certificate()} decodes
 * again where a whole certificate is needed (an issuer's public key, once per issuer).
 */
public final class StoredCertificate {

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    /**
     * One digest of each kind per thread, reset after each use: looking an algorithm up through the providers for
     * every certificate costs as much as the hashing itself.
     */
    private static final ThreadLocal<MessageDigest> SHA_1 = ThreadLocal.withInitial(() -> messageDigest("SHA-1"));
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> messageDigest("SHA-256"));

    private final StoreName store;
    private final String physicalStore;
    private final String origin;
    private final byte[] encoded;
    private final Decoded decoded;
    private final CertificateFacts facts;
    private final String thumbprint;
    private final String sha256;
    private final String friendlyName;
    private final PrivateKeyFacts privateKey;
    private final Map<String, String> properties;
    private final StoreEntryFacts storeEntry;
    private final OsChainVerdict osChainVerdict;
    private final String userStore;

    /**
     * What the chain analysis needs of the decoded certificate, kept beside the encoding: the subject and issuer
     * names in RFC 2253 canonical form, and where the to-be-signed part and the signature value lie in the encoding.
     * The names are kept as text, not as the JDK's {@link X500Principal}: a decoded principal holds every attribute
     * as an object of its own and, through them, the whole encoding it was decoded from, several times the
     * certificate's own size, for the whole run. In DER they lie at fixed
     * places (the SEQUENCE's header, then the to-be-signed part; the signature's bytes last); a certificate the JDK
     * read although it is not quite DER (a long-form length, bytes after it) keeps its own copies instead.
     */
    private record Decoded(String subject, String issuer, int signedOffset, int signedLength,
                           int signatureOffset, byte[] algorithmParameters, byte[] signedCopy,
                           byte[] signatureCopy) {

        static Decoded of(X509Certificate certificate, byte[] der) throws CertificateException {
            byte[] signed = certificate.getTBSCertificate();
            byte[] signature = certificate.getSignature();
            int signedOffset = der.length > 1 ? 2 + ((der[1] & 0x80) == 0 ? 0 : der[1] & 0x7f) : -1;
            int signatureOffset = der.length - signature.length;
            boolean inPlace = signedOffset >= 0 && signedOffset + signed.length <= signatureOffset
                    && Arrays.equals(der, signedOffset, signedOffset + signed.length, signed, 0, signed.length)
                    && Arrays.equals(der, signatureOffset, der.length, signature, 0, signature.length);
            String subject = certificate.getSubjectX500Principal().getName(X500Principal.CANONICAL);
            String issuer = certificate.getIssuerX500Principal().getName(X500Principal.CANONICAL);
            return inPlace
                    ? new Decoded(subject, issuer, signedOffset, signed.length, signatureOffset,
                            certificate.getSigAlgParams(), null, null)
                    : new Decoded(subject, issuer, 0, 0, 0, certificate.getSigAlgParams(), signed, signature);
        }

        byte[] signed(byte[] der) {
            return signedCopy != null ? signedCopy.clone()
                    : Arrays.copyOfRange(der, signedOffset, signedOffset + signedLength);
        }

        byte[] signature(byte[] der) {
            return signatureCopy != null ? signatureCopy.clone() : Arrays.copyOfRange(der, signatureOffset, der.length);
        }
    }

    private StoredCertificate(StoreName store, String physicalStore, String origin, byte[] encoded,
                              Decoded decoded, CertificateFacts facts, String thumbprint, String sha256,
                              String friendlyName, PrivateKeyFacts privateKey, Map<String, String> properties,
                              StoreEntryFacts storeEntry, OsChainVerdict osChainVerdict, String userStore) {
        this.store = Objects.requireNonNull(store, "store");
        this.physicalStore = physicalStore;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.encoded = encoded;
        this.decoded = decoded;
        this.facts = facts;
        this.thumbprint = thumbprint;
        this.sha256 = sha256;
        this.friendlyName = friendlyName;
        this.privateKey = privateKey;
        this.properties = properties;
        this.storeEntry = Objects.requireNonNull(storeEntry, "storeEntry");
        this.osChainVerdict = osChainVerdict;
        this.userStore = userStore;
    }

    /**
     * Decodes a DER certificate found in {@code store} at {@code origin}.
     *
     * @throws UnreadableCertificateException when the bytes are not a certificate the JDK can decode
     */
    public static StoredCertificate parse(StoreName store, byte[] der, String origin)
            throws UnreadableCertificateException {
        Objects.requireNonNull(der, "der");
        byte[] copy = der.clone();
        Decoded decoded;
        CertificateFacts facts;
        try {
            X509Certificate certificate = X509Decoding.decode(copy);
            facts = CertificateFactsDecoder.decode(certificate);
            decoded = Decoded.of(certificate, copy);
        } catch (CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException("not a decodable X.509 certificate: " + reason(e), e);
        }
        PrivateKeyFacts key = store == StoreName.MY ? PrivateKeyFacts.unknown("the source does not tell") : null;
        return new StoredCertificate(store, null, origin, copy, decoded, facts,
                hex(SHA_1.get().digest(copy)), hex(SHA_256.get().digest(copy)), null, key, Map.of(),
                StoreEntryFacts.NONE, null, null);
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** Uppercase hexadecimal digest, no separators: the form Windows uses for thumbprints. */
    public static String digest(String algorithm, byte[] data) {
        return hex(messageDigest(algorithm).digest(data));
    }

    private static String hex(byte[] digest) {
        return UPPERCASE_HEX.formatHex(digest);
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }

    public StoredCertificate withPhysicalStore(String physical) {
        return new StoredCertificate(store, physical, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, privateKey, properties, storeEntry, osChainVerdict, userStore);
    }

    public StoredCertificate withFriendlyName(String name) {
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                name, privateKey, properties, storeEntry, osChainVerdict, userStore);
    }

    public StoredCertificate withPrivateKey(PrivateKeyFacts key) {
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, key, properties, storeEntry, osChainVerdict, userStore);
    }

    /**
     * Adds a source-specific property shown in the report as evidence. Facts a rule reads are typed instead
     * ({@link #withStoreEntry}, {@link #withOsChainVerdict}, {@link #withUserStore}).
     */
    public StoredCertificate withProperty(String name, String value) {
        Map<String, String> copy = new TreeMap<>(properties);
        copy.put(name, value);
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, privateKey, Map.copyOf(copy), storeEntry, osChainVerdict, userStore);
    }

    /** The entry with what its store recorded about it. */
    public StoredCertificate withStoreEntry(StoreEntryFacts entry) {
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, privateKey, properties, entry, osChainVerdict, userStore);
    }

    /** The entry with the Windows chain engine's verdict on it. */
    public StoredCertificate withOsChainVerdict(OsChainVerdict verdict) {
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, privateKey, properties, storeEntry, verdict, userStore);
    }

    /** The entry as found in a user's Personal store, named e.g. {@code CurrentUser\MY}. */
    public StoredCertificate withUserStore(String name) {
        return new StoredCertificate(store, physicalStore, origin, encoded, decoded, facts, thumbprint, sha256,
                friendlyName, privateKey, properties, storeEntry, osChainVerdict, name);
    }

    /** What the store recorded about the entry; {@link StoreEntryFacts#NONE} when the source saw nothing. */
    public StoreEntryFacts storeEntry() {
        return storeEntry;
    }

    /** The Windows chain engine's verdict, or {@code null} when the source did not ask it. */
    public OsChainVerdict osChainVerdict() {
        return osChainVerdict;
    }

    /** The user's Personal store the entry was found in, or {@code null} when the source does not name one. */
    public String userStore() {
        return userStore;
    }

    public StoreName store() {
        return store;
    }

    /** The physical store ({@code .Default}, {@code .GroupPolicy}, {@code .Enterprise}, {@code .AuthRoot}) or {@code null}. */
    public String physicalStore() {
        return physicalStore;
    }

    /** Where the entry was read: a file path, or a store and entry description. */
    public String origin() {
        return origin;
    }

    /** A copy of the DER encoding. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The certificate decoded again from its encoding (it decoded when this entry was made, so it decodes now).
     * Each call decodes: keep the result while it is needed rather than calling this in a loop.
     */
    public X509Certificate certificate() {
        try {
            return X509Decoding.decode(encoded);
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate that decoded before no longer does", e);
        }
    }

    /**
     * The subject name as the certificate encodes it, decoded again from the encoding on each call; where only
     * whether two names are the same matters, compare {@link #subjectCanonicalName()}s instead.
     */
    public X500Principal subjectPrincipal() {
        return certificate().getSubjectX500Principal();
    }

    /** The issuer name as the certificate encodes it, decoded again on each call (see {@link #subjectPrincipal()}). */
    public X500Principal issuerPrincipal() {
        return certificate().getIssuerX500Principal();
    }

    /**
     * The subject name in RFC 2253 canonical form ({@link X500Principal#CANONICAL}): two names are equal, as
     * {@link X500Principal#equals} decides, exactly when their canonical forms are.
     */
    public String subjectCanonicalName() {
        return decoded.subject();
    }

    /** The issuer name in RFC 2253 canonical form (see {@link #subjectCanonicalName()}). */
    public String issuerCanonicalName() {
        return decoded.issuer();
    }

    /** What the certificate's signature covers and is, cut from the encoding. */
    public CertificateSignature signature() {
        return new CertificateSignature(facts.signatureAlgorithmOid(),
                decoded.algorithmParameters() == null ? null : decoded.algorithmParameters().clone(),
                decoded.signed(encoded), decoded.signature(encoded));
    }

    public CertificateFacts facts() {
        return facts;
    }

    /** Uppercase SHA-1 of the encoding: the identity of a certificate everywhere in certaudit, as on Windows. */
    public String thumbprint() {
        return thumbprint;
    }

    public String sha256() {
        return sha256;
    }

    public String friendlyName() {
        return friendlyName;
    }

    /** Key facts; {@code null} outside the Personal store, where keys are not looked for. */
    public PrivateKeyFacts privateKey() {
        return privateKey;
    }

    /** Whether the private key is known present, known absent, or unknown. */
    public Tristate hasPrivateKey() {
        return privateKey == null ? Tristate.UNKNOWN : privateKey.present();
    }

    public Map<String, String> properties() {
        return properties;
    }

    /**
     * The purposes the store allows for this entry (CERT_ENHKEY_USAGE_PROP_ID), as EKU OIDs: empty when the store
     * allows none, {@code null} when it does not restrict the entry. The chain engine intersects it with the
     * certificate's own EKU extension.
     */
    public Set<String> storeEnhancedKeyUsage() {
        List<String> allowed = storeEntry.allowedPurposes();
        return allowed == null ? null : Collections.unmodifiableSet(new TreeSet<>(allowed));
    }

    /** How messages name the certificate: its CN (or subject) and thumbprint. */
    public String label() {
        String cn = facts.subjectCommonName();
        return "'" + (cn == null ? facts.subject() : cn) + "' (" + thumbprint + ")";
    }

    @Override
    public String toString() {
        return store + "/" + thumbprint + " " + facts.subject();
    }
}
