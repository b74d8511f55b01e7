package io.certaudit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The verdicts of the signature check, ECDSA's quick path included, are those of a {@code Signature} object of
 * BouncyCastle's provider: right key, wrong key, a changed signature, a signature not in DER.
 */
class SignatureVerifierTest {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final TestPki PKI = new TestPki();

    private final SignatureVerifier verifier = new SignatureVerifier();

    /** What BouncyCastle's provider says of {@code child} and {@code issuer}'s key. */
    private static boolean providerVerdict(X509Certificate child, StoredCertificate issuer) {
        try {
            child.verify(issuer.certificate().getPublicKey(), BOUNCY_CASTLE);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void assertVerdict(boolean expected, X509Certificate child, StoredCertificate issuer) {
        assertEquals(expected, providerVerdict(child, issuer), "BouncyCastle's provider");
        assertEquals(expected, verifier.verifies(child, issuer), "the verifier");
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** {@code issued} with its signature value replaced by {@code signature}. */
    private static X509Certificate withSignature(Issued issued, byte[] signature) throws Exception {
        Certificate parsed = Certificate.getInstance(issued.der());
        return certificate(new DERSequence(new ASN1EncodableVector() {
            {
                add(parsed.getTBSCertificate());
                add(parsed.getSignatureAlgorithm());
                add(new DERBitString(signature));
            }
        }).getEncoded());
    }

    @ParameterizedTest
    @CsvSource({
            "secp256r1, SHA256withECDSA",
            "secp256r1, SHA1withECDSA",
            "secp256r1, SHA224withECDSA",
            "secp384r1, SHA384withECDSA",
            "secp521r1, SHA512withECDSA",
            "brainpoolP256r1, SHA256withECDSA"})
    void ecdsaVerdictsAreBouncyCastlesProviders(String curve, String algorithm) throws Exception {
        String name = "Verifier Root " + curve + " " + algorithm;
        Issued issuer = PKI.selfSigned(PKI.spec(name).ca().ec(curve));
        Issued twin = PKI.selfSigned(PKI.spec(name).ca().ec(curve).freshKey());
        Issued child = PKI.issue(issuer, PKI.spec("child.example.com").ec("secp256r1").signedWith(algorithm));
        X509Certificate certificate = child.in(StoreName.MY).certificate();

        assertVerdict(true, certificate, issuer.in(StoreName.CA));
        assertVerdict(false, certificate, twin.in(StoreName.CA));
        assertVerdict(false, certificate, child.in(StoreName.CA));

        ASN1Sequence signature = ASN1Sequence.getInstance(certificate.getSignature());
        BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        byte[] changed = new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s.add(BigInteger.ONE))})
                .getEncoded();
        assertVerdict(false, withSignature(child, changed), issuer.in(StoreName.CA));

        byte[] der = certificate.getSignature();
        byte[] longLength = new byte[der.length + 1];
        longLength[0] = der[0];
        longLength[1] = (byte) 0x81;
        System.arraycopy(der, 1, longLength, 2, der.length - 1);
        assertVerdict(false, withSignature(child, longLength), issuer.in(StoreName.CA));
        assertVerdict(true, withSignature(child, der), issuer.in(StoreName.CA));
    }

    @Test
    void rsaVerdictsAreTheJdks() throws Exception {
        Issued issuer = PKI.root("Verifier RSA Root");
        Issued child = PKI.issue(issuer, PKI.spec("rsa-child.example.com"));
        X509Certificate certificate = child.in(StoreName.MY).certificate();

        assertTrue(verifier.verifies(certificate, issuer.in(StoreName.CA)));
        assertFalse(verifier.verifies(certificate, child.in(StoreName.CA)));
        byte[] signature = certificate.getSignature();
        signature[signature.length - 1] ^= 1;
        assertFalse(verifier.verifies(withSignature(child, signature), issuer.in(StoreName.CA)));
    }

    @Test
    void anEcdsaIssuerKeepsItsVerdictsOverManyChildren() throws Exception {
        Issued issuer = PKI.selfSigned(PKI.spec("Verifier Busy Root").ca().ec("secp256r1"));
        for (int i = 0; i < 12; i++) {
            X509Certificate child = PKI.issue(issuer, PKI.spec("busy" + i + ".example.com").ec("secp256r1"))
                    .in(StoreName.MY).certificate();
            assertTrue(verifier.verifies(child, issuer.in(StoreName.CA)), "child " + i);
        }
    }
    /** An engine that judges only RSA signatures (as valid) and counts the keys it was asked to prepare. */
    private static final class RsaOnlyEngine implements SignatureEngine {
        final AtomicInteger prepared = new AtomicInteger();

        @Override
        public String name() {
            return "rsa only";
        }

        @Override
        public String unavailableReason() {
            return null;
        }

        @Override
        public PreparedKey prepare(PublicKey key) {
            prepared.incrementAndGet();
            return "RSA".equals(key.getAlgorithm()) ? signature -> Verdict.VALID : null;
        }
    }

    /** A second engine that counts the keys it was asked to prepare and judges nothing itself. */
    private static final class DeclineEngine implements SignatureEngine {
        final AtomicInteger prepared = new AtomicInteger();

        @Override
        public String name() {
            return "declines";
        }

        @Override
        public String unavailableReason() {
            return null;
        }

        @Override
        public PreparedKey prepare(PublicKey key) {
            prepared.incrementAndGet();
            return signature -> Verdict.UNSUPPORTED;
        }
    }

    @Test
    void aLaterEngineIsPreparedOnlyForKeysTheEarlierOnesCannotJudgeAndOnlyOnce() throws Exception {
        RsaOnlyEngine first = new RsaOnlyEngine();
        DeclineEngine second = new DeclineEngine();
        SignatureVerifier chained = new SignatureVerifier(List.of(first, second));
        Issued rsaRoot = PKI.selfSigned(PKI.spec("Verifier Lazy RSA Root").ca().rsa(2048));
        Issued ecRoot = PKI.selfSigned(PKI.spec("Verifier Lazy EC Root").ca().ec("secp256r1"));
        Issued wrongKey = PKI.selfSigned(PKI.spec("Verifier Lazy EC Root").ca().ec("secp256r1").freshKey());
        for (int i = 0; i < 3; i++) {
            assertTrue(chained.verifies(PKI.issue(rsaRoot, PKI.spec("lazy-rsa" + i + ".example.com"))
                    .in(StoreName.MY).certificate(), rsaRoot.in(StoreName.CA)));
            X509Certificate ecChild = PKI.issue(ecRoot, PKI.spec("lazy-ec" + i + ".example.com").ec("secp256r1"))
                    .in(StoreName.MY).certificate();
            assertTrue(chained.verifies(ecChild, ecRoot.in(StoreName.CA)), "the Java engine judges EC " + i);
            assertFalse(chained.verifies(ecChild, wrongKey.in(StoreName.CA)), "another key " + i);
        }

        assertEquals(3, first.prepared.get(), "the first engine prepares each issuer's key once");
        assertEquals(2, second.prepared.get(), "the second only the EC keys the first cannot use");
        assertEquals(List.of(3L, 0L, 6L),
                chained.uses().stream().map(SignatureEngineUse::verifications).toList());
    }
}
