package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CertificateDistrustedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Distrust Root");
    private final Issued ca = pki.issue(root, pki.spec("Distrust CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("distrust.example.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateDistrusted()).on(host).run();
    }

    @Test
    void anIntermediateInTheDisallowedStoreFailsTheChain() {
        run(new HostFixture().chain(root, ca, leaf).add(StoreName.DISALLOWED, ca)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("Distrust CA", "Untrusted Certificates")
                .evidence("element", ca.in(StoreName.CA).thumbprint());
    }

    @Test
    void aDistrustedCertificateOffThePathDoesNotMatter() {
        Issued other = pki.root("Distrust Unrelated Root");
        run(new HostFixture().chain(root, ca, leaf).add(StoreName.DISALLOWED, other)).assertPassed();
    }
}
