package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainIssuerKeyUsageTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("KeyUsage Root");

    @Test
    void aCaWhoseKeyUsageLacksKeyCertSignFails() {
        Issued ca = pki.issue(root, pki.spec("KeyUsage CRL-only CA").ca().keyUsage(KeyUsage.cRLSign));
        Issued leaf = pki.issue(ca, pki.spec("ku.example.com"));
        assertSingle(new HostFixture().chain(root, ca, leaf).findings("chain-issuer-key-usage"), Severity.ERROR,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "KeyUsage CRL-only CA", "lacks keyCertSign",
                "cRLSign");
    }

    @Test
    void aCaWithKeyCertSignOrWithoutKeyUsagePasses() {
        Issued ca = pki.issue(root, pki.spec("KeyUsage Good CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("ku-good.example.com"));
        assertNone(new HostFixture().chain(root, ca, leaf).findings("chain-issuer-key-usage"));

        Issued bare = pki.issue(root, pki.spec("KeyUsage Bare CA").ca().keyUsage(-1));
        Issued below = pki.issue(bare, pki.spec("ku-bare.example.com"));
        assertNone(new HostFixture().chain(root, bare, below).findings("chain-issuer-key-usage"));
    }
}
