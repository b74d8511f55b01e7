package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SelfSignedCertificateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new SelfSignedCertificate()).on(host).run();
    }

    @Test
    void failsForASelfSignedServiceCertificate() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        run(new HostFixture().addWithKey(selfSigned)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(selfSigned)
                .messageContains("'sbcexternal.contoso.com'", "is self-signed");
    }

    @Test
    void failsEvenWhenTheSelfSignedCertificateIsTrusted() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        run(new HostFixture().add(StoreName.ROOT, selfSigned).addWithKey(selfSigned)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(selfSigned)
                .messageContains("is self-signed");
    }

    @Test
    void passesForACertificateIssuedByACa() {
        Issued leaf = pki.issue(ca, pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void aCertificateNamingItselfAsIssuerButSignedByACaIsNotSelfSigned() {
        Issued selfIssued = pki.issue(ca, pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com")
                .issuerName("CN=sbcexternal.contoso.com"));

        run(new HostFixture().chain(root, ca, selfIssued)).assertPassed();
    }
}
