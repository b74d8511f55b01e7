package io.certaudit.catalog.usage;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SignatureAlgorithmUnsupportedTest {

    private static final String RULE = "signature-algorithm-unsupported";
    private static final String NAME = "bems01.example.com";
    private static final String PSS = "SHA256withRSAandMGF1";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    @Test
    void warnsForAnRsassaPssSignatureOnTheServiceCertificate() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith(PSS));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "signed with RSASSA-PSS", "Lync Server");
    }

    @Test
    void warnsForAnRsassaPssSignatureOnAnIntermediate() {
        Issued pssCa = pki.issue(root, pki.spec("Example Issuing CA").ca().signedWith(PSS));
        Issued leaf = pki.issue(pssCa, pki.spec(NAME).san(NAME));

        assertSingle(new HostFixture().chain(root, pssCa, leaf).findings(RULE), Severity.WARNING, StoreName.CA,
                pssCa.in(StoreName.CA).thumbprint(), "RSASSA-PSS");
    }

    @Test
    void aRootsPssSignatureOnItselfIsNotJudged() {
        Issued pssRoot = pki.selfSigned(pki.spec("Example Root").ca().signedWith(PSS));
        Issued issuing = pki.issue(pssRoot, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        assertNone(new HostFixture().chain(pssRoot, issuing, leaf).findings(RULE));
    }

    @Test
    void aSelfSignedServiceCertificateIsJudgedOnItsOwnSignature() {
        Issued selfSigned = pki.selfSigned(pki.spec(NAME).san(NAME).signedWith(PSS));

        assertSingle(new HostFixture().addWithKey(selfSigned).findings(RULE), Severity.WARNING, StoreName.MY,
                selfSigned.in(StoreName.MY).thumbprint(), "RSASSA-PSS");
    }

    @Test
    void pkcs1SignaturesPass() {
        assertNone(new HostFixture().chain(root, ca, pki.issue(ca, pki.spec(NAME).san(NAME))).findings(RULE));
    }
}
