package io.certaudit.catalog.keys;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyUsageNotTlsTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("TLS Usage Root");
    private final Issued ca = pki.issue(root, pki.spec("TLS Usage CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new KeyUsageNotTls()).on(host).run();
    }

    @Test
    void aServiceCertificateWhoseKeyUsageIsCrlSignOnlyFails() {
        Issued leaf = pki.issue(ca, pki.spec("crlsign.example.com").keyUsage(KeyUsage.cRLSign));
        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("cRLSign", "lacks digitalSignature");
    }

    @Test
    void anRsaKeyWithKeyEnciphermentOnlyFailsToo() {
        Issued leaf = pki.issue(ca, pki.spec("encipher.example.com").keyUsage(KeyUsage.keyEncipherment));
        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("keyEncipherment");
    }

    @Test
    void digitalSignatureOrNoKeyUsageAtAllPasses() {
        Issued usual = pki.issue(ca, pki.spec("usual.example.com"));
        run(new HostFixture().chain(root, ca, usual)).assertPassed();
        Issued bare = pki.issue(ca, pki.spec("bare.example.com").keyUsage(-1));
        run(new HostFixture().chain(root, ca, bare))
                .assertNotApplicable("without a key usage extension the key may be used for anything")
                .assertNoFindings();
    }
}
