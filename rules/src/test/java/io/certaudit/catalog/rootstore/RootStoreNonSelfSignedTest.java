package io.certaudit.catalog.rootstore;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RootStoreNonSelfSignedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new RootStoreNonSelfSigned()).on(host).run();
    }

    @Test
    void failsForAnIntermediateInTrustedRoot() {
        run(new HostFixture().add(StoreName.ROOT, ca).chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.ROOT).about(ca)
                .messageContains("'Example Issuing CA'", "not self-signed", "issued by 'CN=Example Root'")
                .evidence("issuer", "CN=Example Root");
    }

    @Test
    void failsForACertificateNamingItselfAsIssuerThatItsOwnKeyDidNotSign() {
        Issued impostor = pki.issue(ca, pki.spec("Example Impostor Root").ca()
                .issuerName("CN=Example Impostor Root"));

        run(new HostFixture().add(StoreName.ROOT, impostor).chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.ROOT).about(impostor)
                .messageContains("its own key does not verify its signature");
    }

    @Test
    void passesWhenEveryCertificateInTrustedRootIsSelfSigned() {
        Issued selfSignedService = pki.selfSigned(pki.spec("sbc.contoso.com").san("sbc.contoso.com"));
        HostFixture host = new HostFixture().add(StoreName.ROOT, selfSignedService).chain(root, ca, leaf);

        run(host).assertPassed();
    }

    @Test
    void anEmptyTrustedRootIsNotApplicable() {
        HostFixture host = new HostFixture().add(StoreName.CA, root, ca).addWithKey(leaf);

        run(host).assertNotApplicable("Trusted Root holds no certificate").assertNoFindings();
    }
}
