package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyMatcherTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("KeyMatcher Root");

    @TempDir
    Path dir;

    private static Issued leaf(TestPki.Spec spec) {
        return PKI.issue(ROOT, spec.freshKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256k1", "brainpoolP256r1", "brainpoolP384r1", "secp256r1", "secp192r1"})
    void aKeyOnAnyCurveIsMatchedToItsCertificateAndNotToAnother(String curve) {
        Issued mine = leaf(PKI.spec(curve + ".example.com").ec(curve));
        Issued other = leaf(PKI.spec("other-" + curve + ".example.com").ec(curve));
        assertEquals(KeyMatcher.Verdict.MATCHES, KeyMatcher.check(mine.privateKey(), mine.publicKey()));
        assertEquals(KeyMatcher.Verdict.DIFFERS, KeyMatcher.check(other.privateKey(), mine.publicKey()));
    }

    @Test
    void rsaRsassaPssDsaAndEdDsaKeysAreMatched() {
        for (TestPki.Spec spec : new TestPki.Spec[] {PKI.spec("rsa.example.com"),
                PKI.spec("pss.example.com").key("RSASSA-PSS", 2048), PKI.spec("dsa.example.com").key("DSA", 2048),
                PKI.spec("ed.example.com").key("Ed25519", 255)}) {
            Issued mine = PKI.issue(ROOT, spec);
            assertEquals(KeyMatcher.Verdict.MATCHES, KeyMatcher.check(mine.privateKey(), mine.publicKey()),
                    mine.subject().toString());
            assertEquals(KeyMatcher.Verdict.DIFFERS, KeyMatcher.check(ROOT.privateKey(), mine.publicKey()),
                    mine.subject().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256k1", "brainpoolP256r1"})
    void aServiceCertificateOnACurveTheJdkLacksHasItsKeyFoundBesideIt(String curve) throws Exception {
        Issued service = PKI.issue(ROOT, PKI.spec("svc-" + curve + ".example.com").ec(curve));
        HostFolder host = new HostFolder(dir);
        host.pem("ROOT", "root.pem", ROOT);
        host.pemWithKey("MY", "service.pem", service, service);
        host.pem("MY", "sibling.crt", service);
        host.key("MY", "sibling.key", service);

        HostSnapshot snapshot = new FolderSource(dir, CertificateFileReader.withDefaults()).read();

        assertEquals(2, snapshot.store(StoreName.MY).size(), snapshot.problems()::toString);
        for (StoredCertificate certificate : snapshot.store(StoreName.MY)) {
            assertEquals(Tristate.YES, certificate.hasPrivateKey(), certificate.privateKey()::evidence);
        }
    }

    @Test
    void anRsassaPssServiceKeyInAPfxIsMatched() throws Exception {
        Issued service = PKI.issue(ROOT, PKI.spec("pss-pfx.example.com").key("RSASSA-PSS", 2048));
        HostFolder host = new HostFolder(dir);
        host.pfx("MY", "service.pfx", "secret", service);
        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader("secret".toCharArray(), 1 << 20))
                .read();
        StoredCertificate certificate = snapshot.store(StoreName.MY).get(0);
        assertTrue(certificate.hasPrivateKey() != Tristate.NO, certificate.privateKey()::evidence);
    }

    @Test
    void anRsaPairIsJudgedByItsPublicHalvesEvenWhenTheModulusIsNoRealRsaModulus() throws Exception {
        // Windows associates a key with a certificate by comparing public keys; it does not test the modulus. A
        // prime modulus is no RSA key anyone could use, but the pair is still the same key on both sides.
        java.math.BigInteger prime = java.math.BigInteger.probablePrime(1024, new java.util.Random(7));
        java.math.BigInteger e = java.math.BigInteger.valueOf(65_537);
        java.math.BigInteger one = java.math.BigInteger.ONE;
        java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
        java.security.PublicKey certificateKey = rsa.generatePublic(new java.security.spec.RSAPublicKeySpec(prime, e));
        java.security.PrivateKey key = rsa.generatePrivate(new java.security.spec.RSAPrivateCrtKeySpec(prime, e,
                e.modInverse(prime.subtract(one)), prime, one, one, one, one));
        java.security.PublicKey otherKey = rsa.generatePublic(new java.security.spec.RSAPublicKeySpec(
                prime.nextProbablePrime(), e));
        assertEquals(KeyMatcher.Verdict.MATCHES, KeyMatcher.check(key, certificateKey));
        assertEquals(KeyMatcher.Verdict.DIFFERS, KeyMatcher.check(key, otherKey));
    }

    @Test
    void aKeyThatCannotBeDecodedIsUncheckableNotADifferentKey() {
        Issued mine = PKI.issue(ROOT, PKI.spec("opaque.example.com"));
        java.security.PublicKey opaque = new java.security.PublicKey() {
            @Override
            public String getAlgorithm() {
                return "GOST3410";
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return new byte[] {0x30, 0x03, 0x06, 0x01, 0x00};
            }
        };
        assertEquals(KeyMatcher.Verdict.CANNOT_CHECK, KeyMatcher.check(mine.privateKey(), opaque));
    }
}
