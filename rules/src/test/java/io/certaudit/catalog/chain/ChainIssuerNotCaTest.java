package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainIssuerNotCaTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("NotCa Root");

    @Test
    void anIssuerWhoseBasicConstraintsSayNotACaFailsAndIsNamed() {
        // As openssl would make it: CA:FALSE, keyUsage digitalSignature only, yet it signed the BEMS certificate.
        Issued notCa = pki.issue(root, pki.spec("NotCa Issuing").keyUsage(KeyUsage.digitalSignature));
        Issued leaf = pki.issue(notCa, pki.spec("bems.example.com").san("bems.example.com"));
        HostFixture host = new HostFixture().chain(root, notCa, leaf);

        Finding finding = assertSingle(host.findings("chain-issuer-not-ca"), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "NotCa Issuing", "not a CA");
        assertEquals(notCa.in(StoreName.CA).thumbprint(), finding.evidence().get("element"));
        assertTrue(finding.evidence().get("windowsTrustStatus").contains("CERT_TRUST_INVALID_BASIC_CONSTRAINTS"));
        // The same issuer also lacks keyCertSign, which the chain engine reports separately.
        assertEquals(1, host.findings("chain-issuer-key-usage").size());
    }

    @Test
    void aCaIssuerAndAnIssuerWithoutBasicConstraintsPass() {
        Issued ca = pki.issue(root, pki.spec("NotCa Real CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("good.example.com"));
        assertNone(new HostFixture().chain(root, ca, leaf).findings("chain-issuer-not-ca"));

        Issued legacy = pki.issue(root, pki.spec("NotCa Legacy CA").ca().noBasicConstraints());
        Issued below = pki.issue(legacy, pki.spec("legacy.example.com"));
        assertNone(new HostFixture().chain(root, legacy, below).findings("chain-issuer-not-ca"));
    }
}
