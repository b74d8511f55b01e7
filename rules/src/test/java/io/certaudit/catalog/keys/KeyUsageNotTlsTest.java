package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyUsageNotTlsTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("TLS Usage Root");
    private final Issued ca = pki.issue(root, pki.spec("TLS Usage CA").ca());

    @Test
    void aServiceCertificateWhoseKeyUsageIsCrlSignOnlyFails() {
        Issued leaf = pki.issue(ca, pki.spec("crlsign.example.com").keyUsage(KeyUsage.cRLSign));
        assertSingle(new HostFixture().chain(root, ca, leaf).findings("key-usage-not-tls"), Severity.ERROR,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "cRLSign", "lacks digitalSignature");
    }

    @Test
    void anRsaKeyWithKeyEnciphermentOnlyFailsToo() {
        Issued leaf = pki.issue(ca, pki.spec("encipher.example.com").keyUsage(KeyUsage.keyEncipherment));
        assertSingle(new HostFixture().chain(root, ca, leaf).findings("key-usage-not-tls"), Severity.ERROR,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "keyEncipherment");
    }

    @Test
    void digitalSignatureOrNoKeyUsageAtAllPasses() {
        Issued usual = pki.issue(ca, pki.spec("usual.example.com"));
        assertNone(new HostFixture().chain(root, ca, usual).findings("key-usage-not-tls"));
        Issued bare = pki.issue(ca, pki.spec("bare.example.com").keyUsage(-1));
        assertNone(new HostFixture().chain(root, ca, bare).findings("key-usage-not-tls"));
    }
}
