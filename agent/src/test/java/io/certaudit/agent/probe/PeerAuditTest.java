package io.certaudit.agent.probe;

import static io.certaudit.agent.probe.PeerPki.OUR_ROOT;
import static io.certaudit.agent.probe.PeerPki.PEER_ROOT;
import static io.certaudit.agent.probe.PeerPki.UNRELATED_ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.agent.probe.JdkTlsServer.ClientAuth;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** From a real handshake to the peer findings: the probe's observation judged with the host's stores. */
class PeerAuditTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued OUR_CA = PKI.issue(OUR_ROOT, PKI.spec("Our Issuing CA").ca());
    private static final Issued OUR_LEAF = PKI.issue(OUR_CA,
            PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));

    private static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(3));

    private static Set<String> peerRulesFailing(HostFixture host, Issued clientCa) throws Exception {
        try (JdkTlsServer server = new JdkTlsServer("TLSv1.2", ClientAuth.NEED, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(clientCa)))) {
            host.peer(new PeerProbe(SETTINGS).probe(new PeerAddress("localhost", server.port())));
        }
        AuditResult result = host.audit();
        Set<String> rules = new TreeSet<>();
        result.findings().stream().map(Finding::rule).filter(rule -> rule.startsWith("peer-")).forEach(rules::add);
        return rules;
    }

    @Test
    void aPeerThatTrustsUsAndThatWeTrustRaisesNothing() throws Exception {
        HostFixture host = new HostFixture().chain(OUR_ROOT, OUR_CA, OUR_LEAF).add(StoreName.ROOT, PEER_ROOT);

        assertEquals(Set.of(), peerRulesFailing(host, OUR_ROOT));
    }

    @Test
    void aPeerWithoutOurRootInItsListAndARootWeLackFailsBothWays() throws Exception {
        HostFixture host = new HostFixture().chain(OUR_ROOT, OUR_CA, OUR_LEAF);

        assertEquals(Set.of("peer-does-not-accept-issuer", "peer-untrusted"), peerRulesFailing(host, UNRELATED_ROOT));
    }

    /**
     * A party without the peer's key replays the peer's real chain and a CertificateRequest naming our root, over
     * RSA key exchange (where nothing is signed) or ECDHE without the signed ServerKeyExchange, and hangs up. Nothing
     * it showed is the peer's own: the trust, issuer and MTLS rules must not pass it, and the finding says why.
     */
    @ParameterizedTest
    @ValueSource(ints = {ReplayPeer.RSA_KEY_EXCHANGE, ReplayPeer.ECDHE_WITHOUT_SIGNATURE})
    void aReplayedChainFromAPeerWithoutTheKeyPassesNoTrustOrIssuerRule(int cipherSuite) throws Exception {
        HostFixture host = new HostFixture().chain(OUR_ROOT, OUR_CA, OUR_LEAF).add(StoreName.ROOT, PEER_ROOT);
        PeerObservation seen;
        try (RawServer replay = new RawServer(new ReplayPeer(cipherSuite, PeerPki.sentChain(true),
                PeerPki.x509(List.of(OUR_ROOT))))) {
            seen = new PeerProbe(SETTINGS).probe(new PeerAddress("localhost", replay.port()));
        }
        host.peer(seen);
        AuditResult result = host.audit();

        assertEquals(PeerKeyProof.UNPROVEN, seen.keyProof());
        assertFalse(seen.reached(), "a peer that never proved its key is not reached");
        Map<String, RuleOutcome.Result> outcomes = new HashMap<>();
        result.outcomes().forEach(outcome -> outcomes.put(outcome.rule(), outcome.result()));
        for (String rule : List.of("peer-untrusted", "peer-does-not-accept-issuer",
                "peer-not-requesting-client-certificate")) {
            assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcomes.get(rule), rule);
        }
        Finding unreachable = result.findings().stream().filter(f -> f.rule().equals("peer-unreachable"))
                .findFirst().orElseThrow(() -> new AssertionError(result.findings().toString()));
        if (!seen.chain().isEmpty()) {
            assertTrue(unreachable.message().contains("before the peer proved"), unreachable.message());
        } else {
            assertTrue(unreachable.message().contains("only forward-secret cipher suites"), unreachable.message());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aRealPeerProvesItsKeyOverAForwardSecretSuite(String protocol) throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(protocol, ClientAuth.NEED, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(OUR_ROOT)))) {
            PeerObservation seen = new PeerProbe(SETTINGS).probe(new PeerAddress("localhost", server.port()));
            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(PeerKeyProof.PROVEN, seen.keyProof());
            assertTrue(PeerProbe.forwardSecret(seen.cipherSuite()), seen.cipherSuite());
        }
    }
}
