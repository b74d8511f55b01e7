package io.certaudit.catalog.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class WeakSignatureAlgorithmTest {

    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new WeakSignatureAlgorithm()).on(host).run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5withRSA", "MD2withRSA"})
    void anMdSignatureOnTheServiceCertificateIsAnError(String algorithm) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith(algorithm));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("signed with " + algorithm, "peers reject")
                .evidence("signatureAlgorithm", algorithm);
    }

    @Test
    void aSha1SignatureOnTheServiceCertificateIsAWarning() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith("SHA1withRSA"));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("signed with SHA1withRSA", "weak");
    }

    @Test
    void anEcdsaSha1SignatureIsAWarning() {
        Issued ecRoot = pki.selfSigned(pki.spec("Example EC Root").ca().ec("secp256r1"));
        Issued ecCa = pki.issue(ecRoot, pki.spec("Example EC Issuing CA").ca().ec("secp256r1"));
        Issued leaf = pki.issue(ecCa, pki.spec(NAME).san(NAME).signedWith("SHA1withECDSA"));

        run(new HostFixture().chain(ecRoot, ecCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("SHA1withECDSA");
    }

    @Test
    void aWeakSignatureOnAnIntermediateIsReportedInItsStore() {
        Issued md5Ca = pki.issue(root, pki.spec("Example Issuing CA").ca().signedWith("MD5withRSA"));
        Issued leaf = pki.issue(md5Ca, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, md5Ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.CA).about(md5Ca)
                .messageContains("'Example Issuing CA'", "MD5withRSA");
    }

    @Test
    void aRootsSignatureOnItselfIsNotJudged() {
        Issued sha1Root = pki.selfSigned(pki.spec("Example Root").ca().signedWith("SHA1withRSA"));
        Issued issuing = pki.issue(sha1Root, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(sha1Root, issuing, leaf)).assertPassed();
    }

    @Test
    void aSelfSignedServiceCertificateIsJudgedOnItsOwnSignature() {
        Issued selfSigned = pki.selfSigned(pki.spec(NAME).san(NAME).signedWith("SHA1withRSA"));

        run(new HostFixture().add(StoreName.ROOT, selfSigned).addWithKey(selfSigned)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(selfSigned)
                .messageContains("SHA1withRSA");
    }

    @Test
    void sha256PassesEverywhere() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }
}
