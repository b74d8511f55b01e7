package io.certaudit.model;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One certificate entry of one store, as a source found it: the encoded certificate, where it came from and the
 * facts the source knows about it. Immutable; the {@code with...} methods return a copy.
 */
public final class StoredCertificate {

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    });

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private final StoreName store;
    private final String physicalStore;
    private final String origin;
    private final byte[] encoded;
    private final X509Certificate certificate;
    private final CertificateFacts facts;
    private final String thumbprint;
    private final String sha256;
    private final String friendlyName;
    private final PrivateKeyFacts privateKey;
    private final Map<String, String> properties;

    private StoredCertificate(StoreName store, String physicalStore, String origin, byte[] encoded,
                              X509Certificate certificate, CertificateFacts facts, String thumbprint, String sha256,
                              String friendlyName, PrivateKeyFacts privateKey, Map<String, String> properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.physicalStore = physicalStore;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.encoded = encoded;
        this.certificate = certificate;
        this.facts = facts;
        this.thumbprint = thumbprint;
        this.sha256 = sha256;
        this.friendlyName = friendlyName;
        this.privateKey = privateKey;
        this.properties = properties;
    }

    /**
     * Decodes a DER certificate found in {@code store} at {@code origin}.
     *
     * @throws UnreadableCertificateException when the bytes are not a certificate the JDK can decode
     */
    public static StoredCertificate parse(StoreName store, byte[] der, String origin)
            throws UnreadableCertificateException {
        Objects.requireNonNull(der, "der");
        X509Certificate certificate;
        CertificateFacts facts;
        try {
            certificate = (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(der));
            facts = new CertificateFacts(certificate);
        } catch (CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException("not a decodable X.509 certificate: " + reason(e), e);
        }
        byte[] copy = der.clone();
        PrivateKeyFacts key = store == StoreName.MY ? PrivateKeyFacts.unknown("the source does not tell") : null;
        return new StoredCertificate(store, null, origin, copy, certificate, facts,
                digest("SHA-1", copy), digest("SHA-256", copy), null, key, Map.of());
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
        try {
            return UPPERCASE_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }

    public StoredCertificate withPhysicalStore(String physical) {
        return new StoredCertificate(store, physical, origin, encoded, certificate, facts, thumbprint, sha256,
                friendlyName, privateKey, properties);
    }

    public StoredCertificate withFriendlyName(String name) {
        return new StoredCertificate(store, physicalStore, origin, encoded, certificate, facts, thumbprint, sha256,
                name, privateKey, properties);
    }

    public StoredCertificate withPrivateKey(PrivateKeyFacts key) {
        return new StoredCertificate(store, physicalStore, origin, encoded, certificate, facts, thumbprint, sha256,
                friendlyName, key, properties);
    }

    /** Adds a source-specific property (e.g. {@code archived}), shown in the report as evidence. */
    public StoredCertificate withProperty(String name, String value) {
        Map<String, String> copy = new TreeMap<>(properties);
        copy.put(name, value);
        return new StoredCertificate(store, physicalStore, origin, encoded, certificate, facts, thumbprint, sha256,
                friendlyName, privateKey, Map.copyOf(copy));
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

    public X509Certificate certificate() {
        return certificate;
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
        String value = properties.get(StoreEntryProperties.ENHANCED_KEY_USAGE);
        if (value == null) {
            return null;
        }
        Set<String> usages = new TreeSet<>();
        for (String oid : value.split(",")) {
            if (!oid.isBlank()) {
                usages.add(oid.trim());
            }
        }
        return Collections.unmodifiableSet(usages);
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
