package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainUntrustedRootTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainUntrustedRoot()).on(host).run();
    }

    @Test
    void failsWhenTheRootIsOnlyInTheIntermediateStore() {
        run(new HostFixture().add(StoreName.CA, ca, root).addWithKey(leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("ends at root 'Example Root' (" + thumbprint(root) + ")", "found in CA",
                        "not in Trusted Root")
                .evidence("root", thumbprint(root))
                .evidence("rootFoundIn", "CA");
    }

    @Test
    void failsForASelfSignedServiceCertificateNotInTrustedRoot() {
        Issued selfSigned = pki.selfSigned(pki.spec("bems01.example.com").san("bems01.example.com"));

        run(new HostFixture().addWithKey(selfSigned)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(selfSigned)
                .messageContains("found in MY");
    }

    @Test
    void passesWhenTheRootIsInTrustedRoot() {
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void passesWhenTheRootIsInBothIntermediateAndTrustedRoot() {
        run(new HostFixture().add(StoreName.CA, root).chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void anIncompletePathIsNotAnUntrustedRoot() {
        run(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf)).assertPassed();
    }
}
