package io.certaudit.model;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The parts of a certificate the rules and the report look at, decoded once. A field that cannot be decoded
 * is {@code null} or empty, never an exception: a certificate the JDK parsed is audited as far as it goes.
 */
public final class CertificateFacts {

    /** OID of the Server Authentication extended key usage. */
    public static final String EKU_SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();
    /** OID of the Client Authentication extended key usage. */
    public static final String EKU_CLIENT_AUTH = KeyPurposeId.id_kp_clientAuth.getId();
    /** OID of anyExtendedKeyUsage, which permits every purpose. */
    public static final String EKU_ANY = KeyPurposeId.anyExtendedKeyUsage.getId();

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private final String subject;
    private final String subjectCommonName;
    private final String issuer;
    private final String serialNumber;
    private final Instant notBefore;
    private final Instant notAfter;
    private final String keyAlgorithm;
    private final Integer keyBits;
    private final String signatureAlgorithm;
    private final String signatureAlgorithmOid;
    private final List<String> dnsNames;
    private final List<String> subjectAlternativeNames;
    private final List<String> extendedKeyUsages;
    private final boolean certificateAuthority;
    private final boolean selfIssued;
    private final String subjectKeyIdentifier;
    private final String authorityKeyIdentifier;
    private final List<String> crlDistributionPoints;
    private final int encodedSubjectLength;
    private final boolean basicConstraintsPresent;
    private final Integer pathLengthConstraint;
    private final Set<KeyUsageBit> keyUsage;
    private final List<String> criticalExtensions;
    private final String keyAlgorithmOid;
    private final String keyCurve;

    CertificateFacts(X509Certificate certificate) {
        X500Principal subjectPrincipal = certificate.getSubjectX500Principal();
        X500Principal issuerPrincipal = certificate.getIssuerX500Principal();
        byte[] encodedSubject = subjectPrincipal.getEncoded();
        this.subject = subjectPrincipal.getName();
        this.subjectCommonName = commonName(X500Name.getInstance(encodedSubject));
        this.issuer = issuerPrincipal.getName();
        this.serialNumber = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        PublicKey key = certificate.getPublicKey();
        this.keyAlgorithm = key.getAlgorithm();
        this.keyBits = keyBits(key);
        this.signatureAlgorithm = certificate.getSigAlgName();
        this.signatureAlgorithmOid = certificate.getSigAlgOID();
        List<String> dns = new ArrayList<>();
        this.subjectAlternativeNames = subjectAlternativeNames(certificate, dns);
        this.dnsNames = List.copyOf(dns);
        this.extendedKeyUsages = extendedKeyUsages(certificate);
        this.certificateAuthority = certificate.getBasicConstraints() >= 0;
        this.selfIssued = subjectPrincipal.equals(issuerPrincipal);
        this.subjectKeyIdentifier = subjectKeyIdentifier(certificate);
        this.authorityKeyIdentifier = authorityKeyIdentifier(certificate);
        this.crlDistributionPoints = crlDistributionPoints(certificate);
        this.encodedSubjectLength = encodedSubject.length;
        this.basicConstraintsPresent = certificate.getExtensionValue(Extension.basicConstraints.getId()) != null;
        int pathLength = certificate.getBasicConstraints();
        this.pathLengthConstraint = pathLength < 0 || pathLength == Integer.MAX_VALUE ? null : pathLength;
        Set<KeyUsageBit> usage = KeyUsageBit.of(certificate.getKeyUsage());
        this.keyUsage = usage == null ? null : Collections.unmodifiableSet(usage);
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        this.criticalExtensions = critical == null ? List.of() : critical.stream().sorted().toList();
        String[] keyType = keyType(key);
        this.keyAlgorithmOid = keyType[0];
        this.keyCurve = keyType[1];
    }

    /** The subject distinguished name, RFC 2253 (most specific first). */
    public String subject() {
        return subject;
    }

    /** The most specific CN of the subject as its text (no RFC 2253 escapes), or {@code null} when there is none. */
    public String subjectCommonName() {
        return subjectCommonName;
    }

    /** The issuer distinguished name, RFC 2253. */
    public String issuer() {
        return issuer;
    }

    /** The serial number, uppercase hexadecimal as Windows shows it. */
    public String serialNumber() {
        return serialNumber;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}... */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** Modulus length (RSA, DSA) or field size (EC, EdDSA) in bits, or {@code null} when not known. */
    public Integer keyBits() {
        return keyBits;
    }

    /** The JDK's name of the signature algorithm, e.g. {@code SHA256withRSA}, {@code RSASSA-PSS}. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String signatureAlgorithmOid() {
        return signatureAlgorithmOid;
    }

    /** The dNSName entries of the Subject Alternative Name, in certificate order, case kept. */
    public List<String> dnsNames() {
        return dnsNames;
    }

    /** Every SAN entry as {@code DNS:name}, {@code IP:address}, {@code URI:...}, {@code email:...}. */
    public List<String> subjectAlternativeNames() {
        return subjectAlternativeNames;
    }

    /** The EKU OIDs, or {@code null} when the certificate has no EKU extension (valid for every purpose). */
    public List<String> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    /** Whether basicConstraints marks the certificate as a CA. */
    public boolean certificateAuthority() {
        return certificateAuthority;
    }

    /** Whether subject and issuer names are equal (a candidate self-signed certificate). */
    public boolean selfIssued() {
        return selfIssued;
    }

    /** Subject key identifier in uppercase hex, or {@code null}. */
    public String subjectKeyIdentifier() {
        return subjectKeyIdentifier;
    }

    /** Authority key identifier (keyIdentifier field) in uppercase hex, or {@code null}. */
    public String authorityKeyIdentifier() {
        return authorityKeyIdentifier;
    }

    /** URIs of the CRL distribution points; empty when the extension is absent. */
    public List<String> crlDistributionPoints() {
        return crlDistributionPoints;
    }

    /** Whether the CRL distribution points extension is present, even with no URI in it. */
    public boolean hasCrlDistributionPoints() {
        return !crlDistributionPoints.isEmpty();
    }

    /** Length in bytes of the DER-encoded subject name, what SChannel puts in a CertificateRequest. */
    public int encodedSubjectLength() {
        return encodedSubjectLength;
    }

    /** Whether the certificate has a basicConstraints extension at all (v1 certificates and some v3 ones do not). */
    public boolean basicConstraintsPresent() {
        return basicConstraintsPresent;
    }

    /** The pathLenConstraint of a CA's basicConstraints, or {@code null} when there is none (no limit). */
    public Integer pathLengthConstraint() {
        return pathLengthConstraint;
    }

    /** The keyUsage bits, or {@code null} when the certificate has no keyUsage extension (every usage allowed). */
    public Set<KeyUsageBit> keyUsage() {
        return keyUsage;
    }

    /** The OIDs of the extensions marked critical, sorted; empty when none is. */
    public List<String> criticalExtensions() {
        return criticalExtensions;
    }

    /**
     * The OID of the subject public key's algorithm ({@code 1.2.840.113549.1.1.1} RSA, {@code 1.2.840.113549.1.1.10}
     * RSASSA-PSS, {@code 1.2.840.10045.2.1} EC, {@code 1.2.840.10040.4.1} DSA...), or {@code null} when undecodable.
     */
    public String keyAlgorithmOid() {
        return keyAlgorithmOid;
    }

    /**
     * The named curve of an EC key as its standard name ({@code secp256r1}, {@code secp256k1},
     * {@code brainpoolP256r1}, or the OID when the name is not known), {@code explicit} for explicit parameters,
     * {@code null} for other keys.
     */
    public String keyCurve() {
        return keyCurve;
    }

    /** The key's algorithm OID and curve, read from the encoded key, which every JDK key has even when unusable. */
    private static String[] keyType(PublicKey key) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            String curve = null;
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                ASN1Encodable parameters = info.getAlgorithm().getParameters();
                if (parameters instanceof ASN1ObjectIdentifier oid) {
                    String name = SECNamedCurves.getName(oid);
                    name = name != null ? name : TeleTrusTNamedCurves.getName(oid);
                    name = name != null ? name : ECNamedCurveTable.getName(oid);
                    curve = name == null ? oid.getId() : name;
                } else {
                    curve = "explicit";
                }
            }
            return new String[] {algorithm.getId(), curve};
        } catch (RuntimeException e) {
            return new String[] {null, null};
        }
    }

    private static String commonName(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return null;
        }
        // X.500 names are encoded most general first; the last CN is the most specific. A string is shown as it is
        // (as Windows shows it), not escaped for an RFC 2253 name.
        ASN1Encodable value = rdns[rdns.length - 1].getFirst().getValue();
        return value instanceof ASN1String text && !(value instanceof ASN1UniversalString) ? text.getString()
                : IETFUtils.valueToString(value);
    }

    private static Integer keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            BigInteger p = dsa.getParams().getP();
            return p.bitLength();
        }
        return switch (key.getAlgorithm()) {
            case "Ed25519", "X25519" -> 255;
            case "Ed448", "X448" -> 448;
            case "EdDSA" -> key.getEncoded().length > 50 ? 448 : 255;
            default -> null;
        };
    }

    private static List<String> subjectAlternativeNames(X509Certificate certificate, List<String> dns) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            Object value = entry.get(1);
            String text = value instanceof String s ? s : "<" + value.getClass().getSimpleName() + ">";
            switch (type) {
                case GeneralName.dNSName -> {
                    dns.add(text);
                    all.add("DNS:" + text);
                }
                case GeneralName.iPAddress -> all.add("IP:" + text);
                case GeneralName.uniformResourceIdentifier -> all.add("URI:" + text);
                case GeneralName.rfc822Name -> all.add("email:" + text);
                case GeneralName.directoryName -> all.add("DirName:" + text);
                default -> all.add("other:" + type);
            }
        }
        return List.copyOf(all);
    }

    private static List<String> extendedKeyUsages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? null : List.copyOf(usages);
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static ASN1Primitive extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String subjectKeyIdentifier(X509Certificate certificate) {
        ASN1Primitive value = extension(certificate, Extension.subjectKeyIdentifier);
        try {
            return value == null ? null : hex(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String authorityKeyIdentifier(X509Certificate certificate) {
        ASN1Primitive value = extension(certificate, Extension.authorityKeyIdentifier);
        try {
            byte[] id = value == null ? null : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
            return id == null ? null : hex(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> crlDistributionPoints(X509Certificate certificate) {
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints);
        if (value == null) {
            return List.of();
        }
        List<String> uris = new ArrayList<>();
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        ASN1Encodable inner = general.getName();
                        uris.add(general.getTagNo() == GeneralName.uniformResourceIdentifier
                                ? DERIA5String.getInstance(inner).getString() : inner.toString());
                    }
                } else {
                    uris.add("<relative name>");
                }
            }
        } catch (RuntimeException e) {
            uris.add("<undecodable>");
        }
        return List.copyOf(uris);
    }

    private static String hex(byte[] bytes) {
        return UPPERCASE_HEX.formatHex(bytes);
    }
}
