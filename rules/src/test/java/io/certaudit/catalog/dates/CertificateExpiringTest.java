package io.certaudit.catalog.dates;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CertificateExpiringTest {

    private static final String RULE = "certificate-expiring";
    private static final Instant NOW = TestPki.NOW;
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private Issued leafExpiring(Instant notAfter) {
        return pki.issue(ca, pki.spec(NAME).san(NAME).valid(YEAR_AGO, notAfter));
    }

    private List<Finding> audit(Issued leaf, int days) {
        return new HostFixture().chain(root, ca, leaf).settings(s -> s.withExpiryWarningDays(days)).findings(RULE);
    }

    @Test
    void warnsForACertificateExpiringJustInsideTheDefaultThirtyDays() {
        Issued leaf = leafExpiring(NOW.plus(Duration.ofDays(30)).minusSeconds(1));

        Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "'bems01.example.com'",
                "expires on 2026-07-01T11:59:59Z", "in 29 day(s)");
        assertEquals("30", finding.evidence().get("expiryWarningDays"));
        assertEquals("29", finding.evidence().get("daysLeft"));
    }

    @Test
    void doesNotWarnForACertificateExpiringExactlyAtTheHorizon() {
        assertNone(new HostFixture().chain(root, ca, leafExpiring(NOW.plus(Duration.ofDays(30)))).findings(RULE));
    }

    @Test
    void theHorizonComesFromTheSettings() {
        Issued leaf = leafExpiring(NOW.plus(Duration.ofDays(45)));

        assertNone(audit(leaf, 30));
        assertSingle(audit(leaf, 60), Severity.WARNING, StoreName.MY, leaf.in(StoreName.MY).thumbprint(),
                "in 45 day(s)");
    }

    @Test
    void warnsOnTheLastValidInstant() {
        Issued leaf = leafExpiring(NOW);

        assertSingle(audit(leaf, 30), Severity.WARNING, StoreName.MY, leaf.in(StoreName.MY).thumbprint(),
                "in 0 day(s)");
    }

    @Test
    void aZeroDayHorizonNeverWarns() {
        assertNone(audit(leafExpiring(NOW), 0));
        assertNone(audit(leafExpiring(NOW.plusSeconds(1)), 0));
    }

    @Test
    void anExpiredCertificateIsNotExpiring() {
        assertNone(audit(leafExpiring(NOW.minusSeconds(1)), 30));
    }

    @Test
    void aCertificateNotValidYetIsNotExpiring() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME)
                .valid(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(10))));

        assertNone(audit(leaf, 30));
    }

    @Test
    void warnsForAnIntermediateExpiringSoon() {
        Issued shortCa = pki.issue(root, pki.spec("Example Issuing CA").ca()
                .valid(YEAR_AGO, NOW.plus(Duration.ofDays(10))));
        Issued leaf = pki.issue(shortCa, pki.spec(NAME).san(NAME).valid(YEAR_AGO, NOW.plus(Duration.ofDays(5))));

        List<Finding> findings = new HostFixture().chain(root, shortCa, leaf).findings(RULE);

        assertEquals(2, findings.size(), findings::toString);
        Finding forCa = findings.stream().filter(f -> f.store() == StoreName.CA).findFirst().orElseThrow();
        assertSingle(List.of(forCa), Severity.WARNING, StoreName.CA, shortCa.in(StoreName.CA).thumbprint(),
                "'Example Issuing CA'", "in 10 day(s)");
    }
}
