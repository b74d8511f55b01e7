package io.certaudit.catalog.inventory;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class NoServiceCertificateTest {

    private static final String RULE = "no-service-certificate";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com")
            .san("bems01.example.com", "BEMSAPPPOOL.Example.com"));

    private HostFixture trustedHost() {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca);
    }

    @Test
    void failsWhenPersonalIsEmpty() {
        List<Finding> findings = trustedHost().findings(RULE);

        assertSingle(findings, Severity.ERROR, StoreName.MY, null, "LocalMachine\\Personal",
                "no end-entity certificate", "0 certificate(s)");
    }

    @Test
    void doesNotApplyWhenPersonalWasNotPartOfWhatWasGiven() {
        HostFixture rootsOnly = trustedHost().storesGiven(StoreName.ROOT, StoreName.CA);

        assertNone(rootsOnly.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, rootsOnly.audit().outcomes().stream()
                .filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result());
    }

    @Test
    void explainsThatAWildcardCertificateCoveringThePoolIsNotAServiceCertificate() {
        Issued wildcard = pki.issue(ca, pki.spec("*.example.com").san("*.example.com"));
        List<Finding> findings = trustedHost().addWithKey(wildcard)
                .settings(s -> s.withPoolFqdn("bemsapppool.example.com")).findings(RULE);

        assertSingle(findings, Severity.ERROR, StoreName.MY, null, "names bemsapppool.example.com",
                "covers bemsapppool.example.com only through the wildcard '*.example.com'",
                "must be named in the SAN as they are");
    }

    @Test
    void failsWhenPersonalHoldsOnlyCaCertificates() {
        List<Finding> findings = trustedHost().add(StoreName.MY, ca).findings(RULE);

        assertSingle(findings, Severity.ERROR, StoreName.MY, null, "no end-entity certificate", "1 certificate(s)");
    }

    @Test
    void passesWithAnEndEntityCertificateWhenNoNamesAreConfigured() {
        HostFixture host = trustedHost().addWithKey(leaf);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void failsWhenNoCertificateNamesTheConfiguredFqdns() {
        List<Finding> findings = trustedHost().addWithKey(leaf)
                .settings(s -> s.withPoolFqdn("lyncpool.example.com").withInstanceFqdns(List.of("bems02.example.com")))
                .findings(RULE);

        assertSingle(findings, Severity.ERROR, StoreName.MY, null, "lyncpool.example.com, bems02.example.com",
                "CN or SAN", "1 certificate(s) examined");
    }

    @Test
    void aConfiguredNameInTheSanCountsWhateverItsLetterCase() {
        assertNone(trustedHost().addWithKey(leaf).settings(s -> s.withPoolFqdn("bemsapppool.example.com"))
                .findings(RULE));
    }

    @Test
    void aConfiguredNameInTheCnCounts() {
        assertNone(trustedHost().addWithKey(leaf)
                .settings(s -> s.withPoolFqdn("other.example.com").withInstanceFqdns(List.of("BEMS01.example.com")))
                .findings(RULE));
    }

    @Test
    void aCertificateInAUsersPersonalStoreDoesNotCount() {
        List<Finding> findings = trustedHost().userStoreCertificate(leaf.in(StoreName.MY)).findings(RULE);

        assertSingle(findings, Severity.ERROR, StoreName.MY, null, "no end-entity certificate");
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }
}
