package io.certaudit.catalog.usage;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class WeakSignatureAlgorithmTest {

    private static final String RULE = "weak-signature-algorithm";
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    @ParameterizedTest
    @ValueSource(strings = {"MD5withRSA", "MD2withRSA"})
    void anMdSignatureOnTheServiceCertificateIsAnError(String algorithm) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith(algorithm));

        Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "signed with " + algorithm, "peers reject");
        assertEquals(algorithm, finding.evidence().get("signatureAlgorithm"));
    }

    @Test
    void aSha1SignatureOnTheServiceCertificateIsAWarning() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).signedWith("SHA1withRSA"));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "signed with SHA1withRSA", "weak");
    }

    @Test
    void anEcdsaSha1SignatureIsAWarning() {
        Issued ecRoot = pki.selfSigned(pki.spec("Example EC Root").ca().ec("secp256r1"));
        Issued ecCa = pki.issue(ecRoot, pki.spec("Example EC Issuing CA").ca().ec("secp256r1"));
        Issued leaf = pki.issue(ecCa, pki.spec(NAME).san(NAME).signedWith("SHA1withECDSA"));

        assertSingle(new HostFixture().chain(ecRoot, ecCa, leaf).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "SHA1withECDSA");
    }

    @Test
    void aWeakSignatureOnAnIntermediateIsReportedInItsStore() {
        Issued md5Ca = pki.issue(root, pki.spec("Example Issuing CA").ca().signedWith("MD5withRSA"));
        Issued leaf = pki.issue(md5Ca, pki.spec(NAME).san(NAME));

        assertSingle(new HostFixture().chain(root, md5Ca, leaf).findings(RULE), Severity.ERROR, StoreName.CA,
                md5Ca.in(StoreName.CA).thumbprint(), "'Example Issuing CA'", "MD5withRSA");
    }

    @Test
    void aRootsSignatureOnItselfIsNotJudged() {
        Issued sha1Root = pki.selfSigned(pki.spec("Example Root").ca().signedWith("SHA1withRSA"));
        Issued issuing = pki.issue(sha1Root, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        assertNone(new HostFixture().chain(sha1Root, issuing, leaf).findings(RULE));
    }

    @Test
    void aSelfSignedServiceCertificateIsJudgedOnItsOwnSignature() {
        Issued selfSigned = pki.selfSigned(pki.spec(NAME).san(NAME).signedWith("SHA1withRSA"));

        assertSingle(new HostFixture().add(StoreName.ROOT, selfSigned).addWithKey(selfSigned).findings(RULE),
                Severity.WARNING, StoreName.MY, selfSigned.in(StoreName.MY).thumbprint(), "SHA1withRSA");
    }

    @Test
    void sha256PassesEverywhere() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));

        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }
}
