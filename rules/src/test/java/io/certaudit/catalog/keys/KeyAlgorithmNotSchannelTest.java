package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyAlgorithmNotSchannelTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Schannel Root");
    private final Issued ca = pki.issue(root, pki.spec("Schannel CA").ca());

    private java.util.List<Finding> findings(TestPki.Spec spec) {
        Issued leaf = pki.issue(ca, spec);
        return new HostFixture().chain(root, ca, leaf).findings("key-algorithm-not-schannel");
    }

    @Test
    void curvesAndAlgorithmsSchannelCannotSignWithFail() {
        for (String curve : new String[] {"secp256k1", "secp192r1", "brainpoolP256r1"}) {
            Issued leaf = pki.issue(ca, pki.spec(curve + ".example.com").ec(curve));
            Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf)
                    .findings("key-algorithm-not-schannel"), Severity.ERROR, StoreName.MY,
                    leaf.in(StoreName.MY).thumbprint(), curve, "P-256");
            assertEquals(curve, finding.evidence().get("curve"));
        }
        Issued dsa = pki.issue(ca, pki.spec("dsa.example.com").key("DSA", 2048));
        assertSingle(new HostFixture().chain(root, ca, dsa).findings("key-algorithm-not-schannel"),
                Severity.ERROR, StoreName.MY, dsa.in(StoreName.MY).thumbprint(), "DSA");
    }

    @Test
    void anRsassaPssKeyIsUnknownNotFailed() {
        Issued pss = pki.issue(ca, pki.spec("pss.example.com").key("RSASSA-PSS", 2048));
        assertSingle(new HostFixture().chain(root, ca, pss).findings("key-algorithm-not-schannel"),
                Severity.WARNING, StoreName.MY, pss.in(StoreName.MY).thumbprint(), "cannot tell");
    }

    @Test
    void rsaAndTheNistCurvesPass() {
        assertNone(findings(pki.spec("rsa.example.com")));
        assertNone(findings(pki.spec("p256.example.com").ec("secp256r1")));
        assertNone(findings(pki.spec("p384.example.com").ec("secp384r1")));
    }
}
