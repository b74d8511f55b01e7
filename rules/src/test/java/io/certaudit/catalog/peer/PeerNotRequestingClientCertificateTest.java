package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerNotRequestingClientCertificateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued leaf = pki.issue(root, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private static List<Finding> audit(PeerObservation peer) {
        return new HostFixture().peer(peer).findings("peer-not-requesting-client-certificate");
    }

    @Test
    void notesAPeerThatAsksForNoCertificate() {
        List<Finding> findings = audit(PeerObservations.sent(leaf));

        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("not enforced on port 5061"), findings.get(0).message());
    }

    @Test
    void notesAPeerThatGoesOnWithoutTheCertificateItAskedFor() {
        List<Finding> findings = audit(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.NO));

        assertEquals(1, findings.size());
        assertEquals("no", findings.get(0).evidence().get("clientCertificateRequired"));
    }

    @Test
    void saysNothingOfAPeerThatInsistsOrWhoseAnswerIsUnknown() {
        assertTrue(audit(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.YES)).isEmpty());
        assertTrue(audit(PeerObservations.requesting(List.of(leaf), List.of(root), Tristate.UNKNOWN)).isEmpty());
    }

    @Test
    void doesNotApplyToAHandshakeThatDidNotFinish() {
        RuleOutcome.Result result = new HostFixture()
                .peer(PeerObservations.failed(PeerFailure.TLS_ALERT, "the TLS handshake failed"))
                .audit().outcomes().stream().filter(o -> o.rule().equals("peer-not-requesting-client-certificate"))
                .findFirst().orElseThrow().result();

        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, result);
    }
}
