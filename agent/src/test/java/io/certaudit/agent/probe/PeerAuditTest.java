package io.certaudit.agent.probe;

import static io.certaudit.agent.probe.PeerPki.OUR_ROOT;
import static io.certaudit.agent.probe.PeerPki.PEER_ROOT;
import static io.certaudit.agent.probe.PeerPki.UNRELATED_ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.probe.JdkTlsServer.ClientAuth;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.model.PeerAddress;
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
}
