package io.certaudit.agent.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.certaudit.model.CertificateSignature;
import io.certaudit.chain.ChainAnalysis;
import io.certaudit.chain.ChainStatus;
import io.certaudit.chain.JavaSignatureEngine;
import io.certaudit.chain.SignatureEngine;
import io.certaudit.chain.SignatureEngine.Verdict;
import io.certaudit.chain.SignatureEngineUse;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * One corpus of signatures, the same verdicts through every engine: BoringSSL through Conscrypt where it judges,
 * Java everywhere. Each case says what the verdict must be; the native engine must judge (not hand over) every case
 * of an algorithm and curve it has, so a silent fall-back to Java would fail here too.
 */
class SignatureEnginesAgreeTest {

    private static final TestPki PKI = new TestPki();

    /** One signature to judge: a certificate, a candidate issuer's key, the verdict and whether BoringSSL has it. */
    private record Case(String name, X509Certificate child, Issued issuer, boolean valid, boolean native_) {
    }

    private static final List<Case> CORPUS = new ArrayList<>();

    private final ConscryptSignatureEngine conscrypt = new ConscryptSignatureEngine();
    private final JavaSignatureEngine java = new JavaSignatureEngine();

    @BeforeAll
    static void corpus() throws Exception {
        Issued rsaRoot = PKI.root("Corpus RSA Root");
        for (String algorithm : List.of("SHA1withRSA", "SHA224withRSA", "SHA256withRSA", "SHA384withRSA",
                "SHA512withRSA", "SHA256withRSAandMGF1", "SHA384withRSAandMGF1", "SHA512withRSAandMGF1")) {
            Issued child = PKI.issue(rsaRoot, PKI.spec("rsa-" + algorithm + ".example.com").signedWith(algorithm));
            addVariants(algorithm, child, rsaRoot, true);
        }
        for (String[] curveAndAlgorithm : new String[][] {
                {"secp256r1", "SHA256withECDSA"}, {"secp256r1", "SHA1withECDSA"}, {"secp256r1", "SHA512withECDSA"},
                {"secp384r1", "SHA384withECDSA"}, {"secp521r1", "SHA512withECDSA"}}) {
            String curve = curveAndAlgorithm[0];
            String algorithm = curveAndAlgorithm[1];
            Issued root = PKI.selfSigned(PKI.spec("Corpus Root " + curve).ca().ec(curve));
            Issued child = PKI.issue(root, PKI.spec(curve + "-" + algorithm + ".example.com").ec("secp256r1")
                    .signedWith(algorithm));
            addVariants(curve + " " + algorithm, child, root, true);
            addNonDer(curve + " " + algorithm, child, root);
        }
        Issued brainpool = PKI.selfSigned(PKI.spec("Corpus Root brainpool").ca().ec("brainpoolP256r1"));
        Issued brainpoolChild = PKI.issue(brainpool, PKI.spec("brainpool-child.example.com").ec("secp256r1")
                .signedWith("SHA256withECDSA"));
        addVariants("brainpoolP256r1", brainpoolChild, brainpool, false);
        addNonDer("brainpoolP256r1", brainpoolChild, brainpool);
    }

    /** Right key, a same-name issuer with another key, a changed signature, bytes after the signature. */
    private static void addVariants(String name, Issued child, Issued issuer, boolean native_) throws Exception {
        X509Certificate certificate = child.in(StoreName.MY).certificate();
        CORPUS.add(new Case(name + ": issuer's key", certificate, issuer, true, native_));
        Issued twin = issuer.keys().getPublic().getAlgorithm().equals("RSA")
                ? PKI.selfSigned(PKI.spec(issuer.subject().toString()).ca().freshKey())
                : PKI.selfSigned(PKI.spec(issuer.subject().toString()).ca()
                        .ec(curveOf(issuer)).freshKey());
        CORPUS.add(new Case(name + ": same-name issuer, other key", certificate, twin, false, native_));
        byte[] changed = certificate.getSignature();
        changed[changed.length / 2] ^= 0x10;
        CORPUS.add(new Case(name + ": changed signature", withSignature(child, changed), issuer, false, native_));
        byte[] signature = certificate.getSignature();
        byte[] trailing = new byte[signature.length + 2];
        System.arraycopy(signature, 0, trailing, 0, signature.length);
        CORPUS.add(new Case(name + ": trailing bytes", withSignature(child, trailing), issuer, false, native_));
        CORPUS.add(new Case(name + ": re-encoded unchanged", withSignature(child, signature), issuer, true, native_));
    }

    /** An ECDSA signature with a long-form length (BER, not DER), and with a negative-looking padded INTEGER. */
    private static void addNonDer(String name, Issued child, Issued issuer) throws Exception {
        byte[] der = child.in(StoreName.MY).certificate().getSignature();
        byte[] longLength = new byte[der.length + 1];
        longLength[0] = der[0];
        longLength[1] = (byte) 0x81;
        System.arraycopy(der, 1, longLength, 2, der.length - 1);
        CORPUS.add(new Case(name + ": BER length", withSignature(child, longLength), issuer, false,
                !name.startsWith("brainpool")));
        ASN1Sequence rs = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
        byte[] rBytes = r.toByteArray();
        byte[] padded = new byte[rBytes.length + 1];
        System.arraycopy(rBytes, 0, padded, 1, rBytes.length);
        byte[] sBytes = new ASN1Integer(s).getEncoded();
        byte[] body = new byte[2 + padded.length + sBytes.length];
        body[0] = 0x02;
        body[1] = (byte) padded.length;
        System.arraycopy(padded, 0, body, 2, padded.length);
        System.arraycopy(sBytes, 0, body, 2 + padded.length, sBytes.length);
        byte[] sequence = new byte[body.length + (body.length > 127 ? 3 : 2)];
        int at = 0;
        sequence[at++] = 0x30;
        if (body.length > 127) {
            sequence[at++] = (byte) 0x81;
        }
        sequence[at++] = (byte) body.length;
        System.arraycopy(body, 0, sequence, at, body.length);
        CORPUS.add(new Case(name + ": INTEGER with a superfluous leading zero", withSignature(child, sequence),
                issuer, false, !name.startsWith("brainpool")));
    }

    private static String curveOf(Issued issuer) {
        String subject = issuer.subject().toString();
        return subject.contains("brainpool") ? "brainpoolP256r1" : subject.substring(subject.lastIndexOf(' ') + 1);
    }

    private static X509Certificate withSignature(Issued issued, byte[] signature) throws Exception {
        Certificate parsed = Certificate.getInstance(issued.der());
        ASN1EncodableVector parts = new ASN1EncodableVector();
        parts.add(parsed.getTBSCertificate());
        parts.add(parsed.getSignatureAlgorithm());
        parts.add(new DERBitString(signature));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(new DERSequence(parts).getEncoded()));
    }

    private static Verdict verdict(SignatureEngine engine, Case c) throws Exception {
        SignatureEngine.PreparedKey key = engine.prepare(c.issuer().in(StoreName.CA).certificate().getPublicKey());
        return key == null ? Verdict.UNSUPPORTED : key.verify(CertificateSignature.of(c.child()));
    }

    private static boolean nativeLibraryShipsFor(String os, String arch) {
        return (os.startsWith("Linux") || os.startsWith("Windows")) && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void theNativeEngineLoadsFromTheBuildsLibFolderWherePlatformHasIt() {
        assumeTrue(nativeLibraryShipsFor(System.getProperty("os.name"), System.getProperty("os.arch")),
                "no native library is shipped for this platform");
        assertNull(conscrypt.unavailableReason());
        assertTrue(conscrypt.name().startsWith("BoringSSL (Conscrypt 2."), conscrypt.name());
    }

    @Test
    void everyEngineReachesTheCorpusVerdicts() throws Exception {
        assumeTrue(conscrypt.unavailableReason() == null, "native engine not loaded here");
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Case c : CORPUS) {
            Verdict expected = c.valid() ? Verdict.VALID : Verdict.INVALID;
            Verdict inJava = verdict(java, c);
            Verdict inBoringSsl = verdict(conscrypt, c);
            if (inJava != expected) {
                wrong.put(c.name(), "Java says " + inJava);
            }
            if (c.native_() ? inBoringSsl != expected : inBoringSsl != Verdict.UNSUPPORTED) {
                wrong.put(c.name(), "BoringSSL says " + inBoringSsl);
            }
        }
        assertEquals(Map.of(), wrong);
        assertTrue(CORPUS.size() > 60, "corpus of " + CORPUS.size());
    }

    @Test
    void chainAnalysisPicksTheIssuerWhoseKeyVerifiesAndSaysWhichEngineDid() {
        assumeTrue(conscrypt.unavailableReason() == null, "native engine not loaded here");
        TestPki pki = new TestPki();
        Issued realRoot = pki.selfSigned(pki.spec("Same Name Root").ca().ec("secp256r1").noKeyIdentifiers());
        Issued impostor = pki.selfSigned(pki.spec("Same Name Root").ca().ec("secp256r1").freshKey()
                .noKeyIdentifiers());
        Issued leaf = pki.issue(realRoot, pki.spec("leaf.example.com").noKeyIdentifiers());
        HostSnapshot snapshot = HostSnapshot.builder("engines", "test")
                .add(impostor.in(StoreName.ROOT)).add(realRoot.in(StoreName.ROOT)).add(leaf.in(StoreName.MY))
                .build();

        ChainAnalysis analysis = ChainAnalysis.analyze(snapshot, Instant.parse("2026-06-01T12:00:00Z"));

        var path = analysis.pathOf(leaf.in(StoreName.MY));
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(realRoot.in(StoreName.ROOT).thumbprint(), path.elements().get(1).thumbprint());
        List<SignatureEngineUse> uses = analysis.signatureEngines();
        assertEquals(List.of(conscrypt.name(), JavaSignatureEngine.NAME),
                uses.stream().map(SignatureEngineUse::engine).toList());
        assertNotEquals(0L, uses.get(0).verifications());
        assertEquals(0L, uses.get(1).verifications());
    }
}
