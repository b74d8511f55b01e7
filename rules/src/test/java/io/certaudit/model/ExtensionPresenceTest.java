package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;
import io.certaudit.testing.TestPki.Spec;

/**
 * The decoder asks the JDK once which extensions a certificate carries (its critical and non-critical sets) rather
 * than asking for each extension's value. That is only right if both ways agree on every certificate the JDK reads:
 * each extension present, absent, critical, empty, undecodable or unknown, and certificates damaged byte by byte.
 */
class ExtensionPresenceTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Extension Presence Root");
    private static final byte[] GARBAGE = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};
    private static final ASN1ObjectIdentifier UNKNOWN = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");
    /** The extensions the decoder reads, and one no one knows. */
    private static final List<ASN1ObjectIdentifier> READ = List.of(Extension.subjectAlternativeName,
            Extension.extendedKeyUsage, Extension.keyUsage, Extension.basicConstraints,
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints,
            UNKNOWN);

    @Test
    void theSetsOfExtensionsNameExactlyThoseTheJdkGivesAValueFor() {
        int checked = 0;
        for (byte[] der : corpus()) {
            X509Certificate certificate = jdk(der);
            if (certificate != null) {
                assertAgrees(certificate);
                checked++;
            }
        }
        assertTrue(checked > 40, "only " + checked + " certificates were read");
    }

    @Test
    void damagedCertificatesTheJdkStillReadsAgreeToo() {
        byte[] der = PKI.issue(ROOT, PKI.spec("damaged.example.com").san("damaged.example.com")
                .extension(UNKNOWN, false, DERNull.INSTANCE)).der();
        int read = 0;
        for (int at = 0; at < der.length; at++) {
            for (int bit = 0; bit < 8; bit += 3) {
                byte[] damaged = der.clone();
                damaged[at] ^= (byte) (1 << bit);
                X509Certificate certificate = jdk(damaged);
                if (certificate != null) {
                    assertAgrees(certificate);
                    // Whatever the JDK reads, the decoder reads without throwing.
                    CertificateFactsDecoder.decode(certificate);
                    read++;
                }
            }
        }
        assertTrue(read > 100, "only " + read + " damaged certificates were read");
    }

    private static void assertAgrees(X509Certificate certificate) {
        Set<String> named = new HashSet<>();
        if (certificate.getCriticalExtensionOIDs() != null) {
            named.addAll(certificate.getCriticalExtensionOIDs());
        }
        if (certificate.getNonCriticalExtensionOIDs() != null) {
            named.addAll(certificate.getNonCriticalExtensionOIDs());
        }
        Set<String> asked = new HashSet<>(named);
        READ.forEach(oid -> asked.add(oid.getId()));
        for (String oid : asked) {
            assertEquals(certificate.getExtensionValue(oid) != null, named.contains(oid),
                    () -> oid + " in " + certificate);
        }
    }

    private static List<byte[]> corpus() {
        List<Spec> specs = new ArrayList<>();
        specs.add(PKI.spec("plain.example.com"));
        specs.add(PKI.spec("bare.example.com").noEku().noCrlDistributionPoint().noKeyIdentifiers()
                .noBasicConstraints().keyUsage(-1));
        specs.add(PKI.spec("Bare CA").ca().pathLen(0));
        specs.add(PKI.spec("ec.example.com").ec("secp256r1").san("ec.example.com"));
        specs.add(PKI.spec("ec384.example.com").ec("secp384r1"));
        specs.add(PKI.spec("dsa.example.com").key("DSA", 2048));
        specs.add(PKI.spec("ed.example.com").key("Ed25519", 255));
        specs.add(PKI.spec("ip.example.com").ipSan("192.0.2.1", "2001:db8::1"));
        for (ASN1ObjectIdentifier oid : READ) {
            for (boolean critical : new boolean[] {false, true}) {
                specs.add(withOnly(oid).rawExtension(oid, critical, GARBAGE));
                specs.add(withOnly(oid).rawExtension(oid, critical, new byte[0]));
                specs.add(withOnly(oid).extension(oid, critical, DERNull.INSTANCE));
                specs.add(withOnly(oid).extension(oid, critical, new DERSequence()));
                specs.add(withOnly(oid).extension(oid, critical, new DEROctetString(GARBAGE)));
            }
        }
        List<byte[]> corpus = new ArrayList<>();
        for (Spec spec : specs) {
            try {
                corpus.add(PKI.issue(ROOT, spec).der());
            } catch (RuntimeException refusedByTheBuilder) {
                // BouncyCastle will not build some of them; those cannot occur from it.
            }
        }
        corpus.add(ROOT.der());
        return corpus;
    }

    /** A spec without the extension {@code oid} TestPki would add itself, so the test's own one is the only one. */
    private static Spec withOnly(ASN1ObjectIdentifier oid) {
        Spec spec = PKI.spec("only.example.com");
        if (oid.equals(Extension.extendedKeyUsage)) {
            spec.noEku();
        } else if (oid.equals(Extension.keyUsage)) {
            spec.keyUsage(-1);
        } else if (oid.equals(Extension.basicConstraints)) {
            spec.noBasicConstraints();
        } else if (oid.equals(Extension.subjectKeyIdentifier) || oid.equals(Extension.authorityKeyIdentifier)) {
            spec.noKeyIdentifiers();
        } else if (oid.equals(Extension.cRLDistributionPoints)) {
            spec.noCrlDistributionPoint();
        }
        return spec;
    }

    private static X509Certificate jdk(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException unreadable) {
            return null;
        }
    }
}
