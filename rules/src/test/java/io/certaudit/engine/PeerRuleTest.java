package io.certaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

class PeerRuleTest {

    private static final PeerAddress GOOD = new PeerAddress("good.contoso.com", 5061);
    private static final PeerAddress BAD = new PeerAddress("bad.contoso.com", 5061);

    @RuleInfo(id = "peer-check", title = "Test rule", severity = Severity.ERROR, area = Area.PEER,
            citation = "test", remediation = "test", description = "Reports every peer; throws on bad.contoso.com.")
    static final class PeerCheck extends PeerRule {
        @Override
        protected void check(PeerObservation peer, AuditContext context, Findings findings) {
            if (peer.address().equals(BAD)) {
                throw new IllegalStateException("broken");
            }
            findings.addPeer(peer.address(), null, null, "seen", Map.of("detail", "x"));
        }
    }

    private static AuditResult run(PeerAddress... peers) {
        HostSnapshot.Builder host = HostSnapshot.builder("host", "test");
        for (PeerAddress peer : peers) {
            host.peer(new PeerObservation(peer, null, null, null, List.of(), null, Tristate.UNKNOWN,
                    PeerFailure.DNS, "does not resolve"));
        }
        return new RuleEngine(new RuleCatalog(List.of(new PeerCheck())))
                .run(host.build(), AuditSettings.defaults(), Instant.EPOCH);
    }

    @Test
    void judgesEachPeerAndNamesItInTheEvidence() {
        AuditResult result = run(GOOD);

        assertEquals(1, result.findings().size());
        assertEquals(Map.of("peer", "good.contoso.com:5061", "detail", "x"), result.findings().get(0).evidence());
        assertEquals(RuleOutcome.Result.FAILED, result.outcomes().get(0).result());
    }

    @Test
    void aCheckThatThrowsForOnePeerBecomesAFindingAndTheOthersStillRun() {
        AuditResult result = run(BAD, GOOD);

        assertEquals(2, result.findings().size());
        Finding failure = result.findings().stream().filter(f -> f.severity() == Severity.WARNING).findFirst()
                .orElseThrow();
        assertTrue(failure.message().contains("peer bad.contoso.com:5061"), failure.message());
        assertEquals("bad.contoso.com:5061", failure.evidence().get("peer"));
        assertEquals(RuleOutcome.Result.ERROR, result.outcomes().get(0).result());
    }

    @Test
    void withoutPeersItIsNotApplicable() {
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, run().outcomes().get(0).result());
    }
}
