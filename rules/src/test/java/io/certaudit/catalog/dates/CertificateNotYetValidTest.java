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

class CertificateNotYetValidTest {

    private static final Instant NOW = TestPki.NOW;
    private static final Instant YEAR_AHEAD = NOW.plus(Duration.ofDays(365));
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateNotYetValid()).on(host).run();
    }

    @Test
    void failsForAServiceCertificateValidOneSecondFromNow() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).valid(NOW.plusSeconds(1), YEAR_AHEAD));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "not valid before 2026-06-01T12:00:01Z");
    }

    @Test
    void aCertificateIsValidFromItsNotBefore() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).valid(NOW, YEAR_AHEAD));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void failsForAnIntermediateNotValidYet() {
        Issued futureCa = pki.issue(root, pki.spec("Example Issuing CA").ca().valid(NOW.plusSeconds(3600),
                YEAR_AHEAD));
        Issued leaf = pki.issue(futureCa, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, futureCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.CA).about(futureCa)
                .messageContains("'Example Issuing CA'", "not valid before");
    }
}
