package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerFailure;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerUnreachableTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued leaf = pki.issue(root, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    @Test
    void warnsWithTheReasonWhenTheHandshakeDidNotFinish() {
        List<Finding> findings = new HostFixture()
                .peer(PeerObservations.failed(PeerFailure.REFUSED, "192.0.2.10:5061 refused the connection"))
                .findings("peer-unreachable");

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains("refused the connection"), finding.message());
        assertEquals("refused", finding.evidence().get("failure"));
        assertEquals("pool.contoso.com:5061", finding.evidence().get("peer"));
    }

    @Test
    void saysNothingOfAPeerThatWasReached() {
        assertTrue(new HostFixture().peer(PeerObservations.sent(leaf, root)).findings("peer-unreachable").isEmpty());
    }

    @Test
    void doesNotApplyWhenNoPeerWasProbed() {
        RuleOutcome outcome = new HostFixture().audit().outcomes().stream()
                .filter(o -> o.rule().equals("peer-unreachable")).findFirst().orElseThrow();

        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }
}
