package io.certaudit.catalog.peer;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerNotRequestingClientCertificateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued leaf = pki.issue(root, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private static RuleTester.Run run(PeerObservation peer) {
        return RuleTester.of(new PeerNotRequestingClientCertificate()).on(new HostFixture().peer(peer)).run();
    }

    @Test
    void notesAPeerThatAsksForNoCertificate() {
        run(PeerObservations.sent(leaf)).assertFailed()
                .peerFinding(PeerObservations.POOL).severity(Severity.INFO).noCertificate()
                .messageContains("not enforced on port 5061")
                .evidence("clientCertificateRequested", "no");
    }

    @Test
    void notesAPeerThatGoesOnWithoutTheCertificateItAskedFor() {
        run(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.NO)).assertFailed()
                .peerFinding(PeerObservations.POOL).evidence("clientCertificateRequired", "no");
    }

    @Test
    void saysNothingOfAPeerThatInsistsOrWhoseAnswerIsUnknown() {
        run(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.YES)).assertPassed();
        run(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.UNKNOWN)).assertPassed();
    }

    @Test
    void doesNotApplyToAHandshakeThatDidNotFinish() {
        run(PeerObservations.failed(PeerFailure.TLS_ALERT, "the TLS handshake failed"))
                .assertNotApplicable("the handshake did not get as far as the peer's request");
    }
}
