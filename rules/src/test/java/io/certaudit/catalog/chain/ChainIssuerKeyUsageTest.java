package io.certaudit.catalog.chain;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainIssuerKeyUsageTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("KeyUsage Root");

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainIssuerKeyUsage()).on(host).run();
    }

    @Test
    void aCaWhoseKeyUsageLacksKeyCertSignFails() {
        Issued ca = pki.issue(root, pki.spec("KeyUsage CRL-only CA").ca().keyUsage(KeyUsage.cRLSign));
        Issued leaf = pki.issue(ca, pki.spec("ku.example.com"));
        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("KeyUsage CRL-only CA", "lacks keyCertSign", "cRLSign");
    }

    @Test
    void aCaWithKeyCertSignOrWithoutKeyUsagePasses() {
        Issued ca = pki.issue(root, pki.spec("KeyUsage Good CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("ku-good.example.com"));
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();

        Issued bare = pki.issue(root, pki.spec("KeyUsage Bare CA").ca().keyUsage(-1));
        Issued below = pki.issue(bare, pki.spec("ku-bare.example.com"));
        run(new HostFixture().chain(root, bare, below)).assertPassed();
    }
}
