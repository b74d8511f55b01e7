package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SelfSignedCertificateTest {

    private static final String RULE = "self-signed-certificate";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    @Test
    void failsForASelfSignedServiceCertificate() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        assertSingle(new HostFixture().addWithKey(selfSigned).findings(RULE), Severity.ERROR, StoreName.MY,
                selfSigned.in(StoreName.MY).thumbprint(), "'sbcexternal.contoso.com'", "is self-signed");
    }

    @Test
    void failsEvenWhenTheSelfSignedCertificateIsTrusted() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        assertSingle(new HostFixture().add(StoreName.ROOT, selfSigned).addWithKey(selfSigned).findings(RULE),
                Severity.ERROR, StoreName.MY, selfSigned.in(StoreName.MY).thumbprint(), "is self-signed");
    }

    @Test
    void passesForACertificateIssuedByACa() {
        Issued leaf = pki.issue(ca, pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));

        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void aCertificateNamingItselfAsIssuerButSignedByACaIsNotSelfSigned() {
        Issued selfIssued = pki.issue(ca, pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com")
                .issuerName("CN=sbcexternal.contoso.com"));

        assertNone(new HostFixture().chain(root, ca, selfIssued).findings(RULE));
    }
}
