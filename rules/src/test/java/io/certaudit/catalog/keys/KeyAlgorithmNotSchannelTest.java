package io.certaudit.catalog.keys;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyAlgorithmNotSchannelTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Schannel Root");
    private final Issued ca = pki.issue(root, pki.spec("Schannel CA").ca());

    private RuleTester.Run findings(TestPki.Spec spec) {
        return run(new HostFixture().chain(root, ca, pki.issue(ca, spec)));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new KeyAlgorithmNotSchannel()).on(host).run();
    }

    @Test
    void curvesAndAlgorithmsSchannelCannotSignWithFail() {
        for (String curve : new String[] {"secp256k1", "secp192r1", "brainpoolP256r1"}) {
            Issued leaf = pki.issue(ca, pki.spec(curve + ".example.com").ec(curve));
            run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                    .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                    .messageContains(curve, "P-256")
                    .evidence("curve", curve);
        }
        Issued dsa = pki.issue(ca, pki.spec("dsa.example.com").key("DSA", 2048));
        run(new HostFixture().chain(root, ca, dsa)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(dsa)
                .messageContains("DSA");
    }

    @Test
    void anRsassaPssKeyIsUnknownNotFailed() {
        Issued pss = pki.issue(ca, pki.spec("pss.example.com").key("RSASSA-PSS", 2048));
        run(new HostFixture().chain(root, ca, pss)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(pss)
                .messageContains("cannot tell");
    }

    @Test
    void rsaAndTheNistCurvesPass() {
        findings(pki.spec("rsa.example.com")).assertPassed();
        findings(pki.spec("p256.example.com").ec("secp256r1")).assertPassed();
        findings(pki.spec("p384.example.com").ec("secp384r1")).assertPassed();
    }
}
