package io.certaudit.catalog.chain;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainIssuerNotCaTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("NotCa Root");

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainIssuerNotCa()).on(host).run();
    }

    @Test
    void anIssuerWhoseBasicConstraintsSayNotACaFailsAndIsNamed() {
        // As openssl would make it: CA:FALSE, keyUsage digitalSignature only, yet it signed the BEMS certificate.
        Issued notCa = pki.issue(root, pki.spec("NotCa Issuing").keyUsage(KeyUsage.digitalSignature));
        Issued leaf = pki.issue(notCa, pki.spec("bems.example.com").san("bems.example.com"));
        HostFixture host = new HostFixture().chain(root, notCa, leaf);

        run(host).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("NotCa Issuing", "not a CA")
                .evidence("element", notCa.in(StoreName.CA).thumbprint())
                .evidenceContains("windowsTrustStatus", "CERT_TRUST_INVALID_BASIC_CONSTRAINTS");
        // The same issuer also lacks keyCertSign, which the chain engine reports separately.
        RuleTester.of(new ChainIssuerKeyUsage()).on(host).run().assertFailed().assertFindingCount(1);
    }

    @Test
    void aCaIssuerAndAnIssuerWithoutBasicConstraintsPass() {
        Issued ca = pki.issue(root, pki.spec("NotCa Real CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("good.example.com"));
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();

        Issued legacy = pki.issue(root, pki.spec("NotCa Legacy CA").ca().noBasicConstraints());
        Issued below = pki.issue(legacy, pki.spec("legacy.example.com"));
        run(new HostFixture().chain(root, legacy, below)).assertPassed();
    }
}
