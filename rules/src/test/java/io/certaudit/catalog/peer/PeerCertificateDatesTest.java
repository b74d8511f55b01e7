package io.certaudit.catalog.peer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Rule;
import io.certaudit.engine.Severity;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;
import io.certaudit.testing.TestsRules;

/**
 * {@code peer-certificate-expired}, {@code peer-certificate-expiring} and {@code peer-certificate-not-yet-valid}, over
 * the certificates the peer sent.
 */
@TestsRules({PeerCertificateExpired.class, PeerCertificateExpiring.class, PeerCertificateNotYetValid.class})
class PeerCertificateDatesTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued ca = pki.issue(root, pki.spec("Contoso Issuing CA").ca());

    private Issued leafValidUntil(Duration afterNow) {
        return pki.issue(ca, pki.spec("pool.contoso.com").san("pool.contoso.com")
                .valid(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(afterNow)));
    }

    private RuleTester.Run run(Rule rule, Issued leaf) {
        return RuleTester.of(rule).on(new HostFixture().peer(PeerObservations.sent(leaf, ca))).run();
    }

    @Test
    void anExpiredPeerCertificateIsAnErrorAndNotAlsoExpiring() {
        Issued expired = leafValidUntil(Duration.ofDays(-1));

        run(new PeerCertificateExpired(), expired).assertFailed()
                .onlyFinding().about(expired).severity(Severity.ERROR)
                .messageContains("sent by peer pool.contoso.com:5061");
        run(new PeerCertificateExpiring(), expired).assertPassed();
    }

    @Test
    void aPeerCertificateExpiringWithinTheHorizonIsAWarning() {
        Issued soon = leafValidUntil(Duration.ofDays(10));

        run(new PeerCertificateExpiring(), soon).assertFailed()
                .onlyFinding().about(soon).severity(Severity.WARNING).evidence("daysLeft", "10");
        run(new PeerCertificateExpired(), soon).assertPassed();
    }

    @Test
    void aPeerCertificateValidBeyondTheHorizonPasses() {
        Issued later = leafValidUntil(Duration.ofDays(90));

        run(new PeerCertificateExpired(), later).assertPassed();
        run(new PeerCertificateExpiring(), later).assertPassed();
        run(new PeerCertificateNotYetValid(), later).assertPassed();
    }

    @Test
    void aPeerCertificateWhoseValidityStartsLaterIsAnError() {
        Issued future = pki.issue(ca, pki.spec("pool.contoso.com").san("pool.contoso.com")
                .valid(TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(400))));

        run(new PeerCertificateNotYetValid(), future).assertFailed()
                .onlyFinding().about(future).severity(Severity.ERROR)
                .evidence("notBefore", TestPki.NOW.plus(Duration.ofDays(2)).toString())
                .messageContains("sent by peer pool.contoso.com:5061");
        run(new PeerCertificateExpired(), future).assertPassed();
    }

    @Test
    void noPeerProbedIsNotApplicableRatherThanPassed() {
        RuleTester.of(new PeerCertificateExpired()).on(new HostFixture()).run()
                .assertNotApplicable("no peer was probed");
    }
}
