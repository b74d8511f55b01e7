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

class CertificateExpiredTest {

    private static final Instant NOW = TestPki.NOW;
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateExpired()).on(host).run();
    }

    @Test
    void failsForAServiceCertificateOneSecondPastItsNotAfter() {
        Instant notAfter = NOW.minusSeconds(1);
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).valid(YEAR_AGO, notAfter));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "expired on 2026-06-01T11:59:59Z")
                .evidence("notAfter", notAfter.toString());
    }

    @Test
    void aCertificateIsStillValidAtItsNotAfter() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).valid(YEAR_AGO, NOW));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void failsForAnExpiredIntermediate() {
        Issued expiredCa = pki.issue(root, pki.spec("Example Issuing CA").ca().valid(YEAR_AGO, NOW.minusSeconds(60)));
        Issued leaf = pki.issue(expiredCa, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, expiredCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.CA).about(expiredCa)
                .messageContains("'Example Issuing CA'", "expired on");
    }

    @Test
    void failsForAnExpiredRoot() {
        Issued expiredRoot = pki.selfSigned(pki.spec("Example Root").ca().valid(YEAR_AGO, NOW.minusSeconds(60)));
        Issued issuing = pki.issue(expiredRoot, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(expiredRoot, issuing, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.ROOT).about(expiredRoot)
                .messageContains("'Example Root'");
    }

    @Test
    void anExpiredCertificateOffTheServicePathsIsNotJudged() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));
        Issued oldRoot = pki.selfSigned(pki.spec("Example Old Root").ca().valid(YEAR_AGO, NOW.minusSeconds(60)));

        run(new HostFixture().chain(root, ca, leaf).add(StoreName.ROOT, oldRoot)).assertPassed();
    }
}
