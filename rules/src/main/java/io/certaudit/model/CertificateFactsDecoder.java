package io.certaudit.model;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
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
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link CertificateFacts} from a certificate the JDK parsed. Never throws for the certificate's content: an
 * extension whose value does not decode becomes {@link ExtensionFact#undecodable}. The JDK's own decoding is used
 * where it has one (SAN, EKU, keyUsage, basicConstraints), so the facts agree with what the JDK's path validation
 * sees; BouncyCastle decodes the rest.
 */
@NullMarked
public final class CertificateFactsDecoder {

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private CertificateFactsDecoder() {
    }

    /** The facts of {@code certificate}. */
    public static CertificateFacts decode(X509Certificate certificate) {
        X500Principal subjectPrincipal = certificate.getSubjectX500Principal();
        X500Principal issuerPrincipal = certificate.getIssuerX500Principal();
        byte[] encodedSubject = subjectPrincipal.getEncoded();
        PublicKey key = certificate.getPublicKey();
        KeyType keyType = keyType(key);
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        PresentExtensions extensions = new PresentExtensions(certificate, critical);
        return new CertificateFacts(
                subjectPrincipal.getName(),
                commonName(X500Name.getInstance(encodedSubject)),
                issuerPrincipal.getName(),
                certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                key.getAlgorithm(),
                keyBits(key),
                certificate.getSigAlgName(),
                certificate.getSigAlgOID(),
                keyType.oid(),
                keyType.curve(),
                encodedSubject.length,
                subjectPrincipal.equals(issuerPrincipal),
                critical == null ? List.of() : critical.stream().sorted().toList(),
                subjectAlternativeNames(certificate, extensions),
                extendedKeyUsages(certificate, extensions),
                basicConstraints(certificate, extensions),
                keyUsage(certificate, extensions),
                subjectKeyIdentifier(certificate, extensions),
                authorityKeyIdentifier(certificate, extensions),
                crlDistributionPoints(certificate, extensions));
    }

    /**
     * Which extensions the certificate carries, asked once: the JDK answers {@code getExtensionValue} by looking the
     * name up and re-encoding the value each time, and seven such questions per certificate added up. Its critical
     * and non-critical sets name every extension it kept, those it could not parse included (a critical one it cannot
     * parse makes the whole certificate unreadable), exactly those for which it gives a value.
     */
    private static final class PresentExtensions {
        private final Set<String> critical;
        private final Set<String> nonCritical;

        PresentExtensions(X509Certificate certificate, @Nullable Set<String> critical) {
            this.critical = critical == null ? Set.of() : critical;
            Set<String> others = certificate.getNonCriticalExtensionOIDs();
            this.nonCritical = others == null ? Set.of() : others;
        }

        boolean carries(ASN1ObjectIdentifier oid) {
            String id = oid.getId();
            return critical.contains(id) || nonCritical.contains(id);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static ExtensionFact<List<String>> subjectAlternativeNames(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.subjectAlternativeName)) {
            return ExtensionFact.absent();
        }
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
        if (names == null) {
            return ExtensionFact.undecodable("the JDK does not decode the subject alternative name");
        }
        List<String> all = new ArrayList<>();
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            Object value = entry.get(1);
            String text = value instanceof String s ? s : "<" + value.getClass().getSimpleName() + ">";
            switch (type) {
                case GeneralName.dNSName -> all.add("DNS:" + text);
                case GeneralName.iPAddress -> all.add("IP:" + text);
                case GeneralName.uniformResourceIdentifier -> all.add("URI:" + text);
                case GeneralName.rfc822Name -> all.add("email:" + text);
                case GeneralName.directoryName -> all.add("DirName:" + text);
                default -> all.add("other:" + type);
            }
        }
        return ExtensionFact.present(List.copyOf(all));
    }

    private static ExtensionFact<List<String>> extendedKeyUsages(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.extendedKeyUsage)) {
            return ExtensionFact.absent();
        }
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? ExtensionFact.undecodable("the JDK does not decode the extended key usage")
                    : ExtensionFact.present(List.copyOf(usages));
        } catch (CertificateParsingException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
    }

    private static ExtensionFact<Set<KeyUsageBit>> keyUsage(X509Certificate certificate, PresentExtensions extensions) {
        if (!extensions.carries(Extension.keyUsage)) {
            return ExtensionFact.absent();
        }
        // The JDK answers null both for no keyUsage and for one it could not decode; the extension is here.
        Set<KeyUsageBit> usage = KeyUsageBit.of(certificate.getKeyUsage());
        return usage == null ? ExtensionFact.undecodable("the JDK does not decode the key usage")
                : ExtensionFact.present(Collections.unmodifiableSet(usage));
    }

    private static ExtensionFact<CertificateFacts.BasicConstraints> basicConstraints(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.basicConstraints)) {
            return ExtensionFact.absent();
        }
        int pathLength = certificate.getBasicConstraints();
        if (pathLength >= 0) {
            return ExtensionFact.present(new CertificateFacts.BasicConstraints(true,
                    pathLength == Integer.MAX_VALUE ? null : pathLength));
        }
        // The JDK answers -1 for "not a CA" and for an extension it could not decode: decode it to tell which.
        try {
            ASN1Primitive value = extensionValue(certificate, Extension.basicConstraints);
            org.bouncycastle.asn1.x509.BasicConstraints constraints =
                    org.bouncycastle.asn1.x509.BasicConstraints.getInstance(value);
            if (constraints == null || constraints.isCA()) {
                return ExtensionFact.undecodable("the JDK does not decode the basic constraints");
            }
            return ExtensionFact.present(new CertificateFacts.BasicConstraints(false, null));
        } catch (IOException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
    }

    private static ExtensionFact<String> subjectKeyIdentifier(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.subjectKeyIdentifier)) {
            return ExtensionFact.absent();
        }
        try {
            ASN1Primitive value = extensionValue(certificate, Extension.subjectKeyIdentifier);
            return ExtensionFact.present(hex(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier()));
        } catch (IOException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
    }

    private static ExtensionFact<String> authorityKeyIdentifier(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.authorityKeyIdentifier)) {
            return ExtensionFact.absent();
        }
        try {
            ASN1Primitive value = extensionValue(certificate, Extension.authorityKeyIdentifier);
            byte[] id = AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
            return ExtensionFact.present(id == null ? "" : hex(id));
        } catch (IOException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
    }

    private static ExtensionFact<List<String>> crlDistributionPoints(X509Certificate certificate,
            PresentExtensions extensions) {
        if (!extensions.carries(Extension.cRLDistributionPoints)) {
            return ExtensionFact.absent();
        }
        List<String> uris = new ArrayList<>();
        try {
            ASN1Primitive value = extensionValue(certificate, Extension.cRLDistributionPoints);
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
        } catch (IOException | RuntimeException e) {
            return ExtensionFact.undecodable(reason(e));
        }
        return ExtensionFact.present(List.copyOf(uris));
    }

    /** The extension's value (inside its OCTET STRING) as ASN.1; the caller has checked that it is present. */
    private static ASN1Primitive extensionValue(X509Certificate certificate, ASN1ObjectIdentifier oid)
            throws IOException {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        if (wrapped == null) {
            throw new IOException("no " + oid.getId() + " extension");
        }
        return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
    }

    /** The key's algorithm OID and curve, read from the encoded key, which every JDK key has even when unusable. */
    private static KeyType keyType(PublicKey key) {
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
            return new KeyType(algorithm.getId(), curve);
        } catch (RuntimeException e) {
            return new KeyType(null, null);
        }
    }

    private record KeyType(@Nullable String oid, @Nullable String curve) {
    }

    private static @Nullable String commonName(X500Name name) {
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

    private static @Nullable Integer keyBits(PublicKey key) {
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

    private static String hex(byte[] bytes) {
        return UPPERCASE_HEX.formatHex(bytes);
    }
}
