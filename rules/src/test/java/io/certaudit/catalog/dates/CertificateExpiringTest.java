package io.certaudit.catalog.dates;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CertificateExpiringTest {

    private static final Instant NOW = TestPki.NOW;
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private Issued leafExpiring(Instant notAfter) {
        return pki.issue(ca, pki.spec(NAME).san(NAME).valid(YEAR_AGO, notAfter));
    }

    private RuleTester.Run audit(Issued leaf, int days) {
        return run(new HostFixture().chain(root, ca, leaf).settings(s -> s.withExpiryWarningDays(days)));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateExpiring()).on(host).run();
    }

    @Test
    void warnsForACertificateExpiringJustInsideTheDefaultThirtyDays() {
        Issued leaf = leafExpiring(NOW.plus(Duration.ofDays(30)).minusSeconds(1));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "expires on 2026-07-01T11:59:59Z", "in 29 day(s)")
                .evidence("expiryWarningDays", "30")
                .evidence("daysLeft", "29");
    }

    @Test
    void doesNotWarnForACertificateExpiringExactlyAtTheHorizon() {
        run(new HostFixture().chain(root, ca, leafExpiring(NOW.plus(Duration.ofDays(30))))).assertPassed();
    }

    @Test
    void theHorizonComesFromTheSettings() {
        Issued leaf = leafExpiring(NOW.plus(Duration.ofDays(45)));

        audit(leaf, 30).assertPassed();
        audit(leaf, 60).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("in 45 day(s)");
    }

    @Test
    void warnsOnTheLastValidInstant() {
        Issued leaf = leafExpiring(NOW);

        audit(leaf, 30).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("in 0 day(s)");
    }

    @Test
    void aZeroDayHorizonNeverWarns() {
        audit(leafExpiring(NOW), 0).assertPassed();
        audit(leafExpiring(NOW.plusSeconds(1)), 0).assertPassed();
    }

    @Test
    void anExpiredCertificateIsNotExpiring() {
        audit(leafExpiring(NOW.minusSeconds(1)), 30).assertPassed();
    }

    @Test
    void aCertificateNotValidYetIsNotExpiring() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME)
                .valid(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(10))));

        audit(leaf, 30).assertPassed();
    }

    @Test
    void warnsForAnIntermediateExpiringSoon() {
        Issued shortCa = pki.issue(root, pki.spec("Example Issuing CA").ca()
                .valid(YEAR_AGO, NOW.plus(Duration.ofDays(10))));
        Issued leaf = pki.issue(shortCa, pki.spec(NAME).san(NAME).valid(YEAR_AGO, NOW.plus(Duration.ofDays(5))));

        RuleTester.Run run = run(new HostFixture().chain(root, shortCa, leaf)).assertFailed().assertFindingCount(2);

        run.findingAbout(shortCa).severity(Severity.WARNING).store(StoreName.CA)
                .messageContains("'Example Issuing CA'", "in 10 day(s)");
    }
}
