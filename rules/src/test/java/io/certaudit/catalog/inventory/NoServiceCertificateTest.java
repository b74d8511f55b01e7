package io.certaudit.catalog.inventory;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class NoServiceCertificateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com")
            .san("bems01.example.com", "BEMSAPPPOOL.Example.com"));

    private HostFixture trustedHost() {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca);
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new NoServiceCertificate()).on(host).run();
    }

    @Test
    void failsWhenPersonalIsEmpty() {
        run(trustedHost()).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).noCertificate()
                .messageContains("LocalMachine\\Personal", "no end-entity certificate", "0 certificate(s)");
    }

    @Test
    void doesNotApplyWhenPersonalWasNotPartOfWhatWasGiven() {
        HostFixture rootsOnly = trustedHost().storesGiven(StoreName.ROOT, StoreName.CA);

        run(rootsOnly).assertNotApplicable("the source did not cover the Personal store").assertNoFindings();
    }

    @Test
    void explainsThatAWildcardCertificateCoveringThePoolIsNotAServiceCertificate() {
        Issued wildcard = pki.issue(ca, pki.spec("*.example.com").san("*.example.com"));
        run(trustedHost().addWithKey(wildcard)
                .settings(s -> s.withPoolFqdn("bemsapppool.example.com"))).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).noCertificate()
                .messageContains("names bemsapppool.example.com",
                        "covers bemsapppool.example.com only through the wildcard '*.example.com'",
                        "must be named in the SAN as they are");
    }

    @Test
    void failsWhenPersonalHoldsOnlyCaCertificates() {
        run(trustedHost().add(StoreName.MY, ca)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).noCertificate()
                .messageContains("no end-entity certificate", "1 certificate(s)");
    }

    @Test
    void passesWithAnEndEntityCertificateWhenNoNamesAreConfigured() {
        HostFixture host = trustedHost().addWithKey(leaf);

        run(host).assertPassed();
    }

    @Test
    void failsWhenNoCertificateNamesTheConfiguredFqdns() {
        run(trustedHost().addWithKey(leaf)
                .settings(s -> s.withPoolFqdn("lyncpool.example.com").withInstanceFqdns(List.of("bems02.example.com"))))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).noCertificate()
                .messageContains("lyncpool.example.com, bems02.example.com", "CN or SAN",
                        "1 certificate(s) examined");
    }

    @Test
    void aConfiguredNameInTheSanCountsWhateverItsLetterCase() {
        run(trustedHost().addWithKey(leaf).settings(s -> s.withPoolFqdn("bemsapppool.example.com"))).assertPassed();
    }

    @Test
    void aConfiguredNameInTheCnCounts() {
        run(trustedHost().addWithKey(leaf)
                .settings(s -> s.withPoolFqdn("other.example.com").withInstanceFqdns(List.of("BEMS01.example.com"))))
                .assertPassed();
    }

    @Test
    void aCertificateInAUsersPersonalStoreDoesNotCount() {
        run(trustedHost().userStoreCertificate(leaf.in(StoreName.MY))).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).noCertificate()
                .messageContains("no end-entity certificate");
    }
}
