package io.certaudit.catalog.usage;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SignatureAlgorithmUnsupportedTest {

    private static final String NAME = "bems01.example.com";
    private static final String PSS = "SHA256withRSAandMGF1";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new SignatureAlgorithmUnsupported()).on(host).run();
    }

    @Test
    void warnsForAnRsassaPssSignatureOnTheServiceCertificate() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith(PSS));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("signed with RSASSA-PSS", "Lync Server");
    }

    @Test
    void warnsForAnRsassaPssSignatureOnAnIntermediate() {
        Issued pssCa = pki.issue(root, pki.spec("Example Issuing CA").ca().signedWith(PSS));
        Issued leaf = pki.issue(pssCa, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, pssCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.CA).about(pssCa)
                .messageContains("RSASSA-PSS");
    }

    @Test
    void aRootsPssSignatureOnItselfIsNotJudged() {
        Issued pssRoot = pki.selfSigned(pki.spec("Example Root").ca().signedWith(PSS));
        Issued issuing = pki.issue(pssRoot, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(pssRoot, issuing, leaf)).assertPassed();
    }

    @Test
    void aSelfSignedServiceCertificateIsJudgedOnItsOwnSignature() {
        Issued selfSigned = pki.selfSigned(pki.spec(NAME).san(NAME).signedWith(PSS));

        run(new HostFixture().addWithKey(selfSigned)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(selfSigned)
                .messageContains("RSASSA-PSS");
    }

    @Test
    void pkcs1SignaturesPass() {
        run(new HostFixture().chain(root, ca, pki.issue(ca, pki.spec(NAME).san(NAME)))).assertPassed();
    }
}
