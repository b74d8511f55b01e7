package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerDoesNotAcceptIssuerTest {

    private final TestPki pki = new TestPki();
    private final Issued ourRoot = pki.root("Example Corp Root CA");
    private final Issued ourCa = pki.issue(ourRoot, pki.spec("Example Corp Issuing CA 1").ca());
    private final Issued ourLeaf = pki.issue(ourCa,
            pki.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
    private final Issued peerRoot = pki.root("Contoso Lync Root CA");
    private final Issued peerLeaf = pki.issue(peerRoot, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private HostFixture host(PeerObservation peer) {
        return new HostFixture().chain(ourRoot, ourCa, ourLeaf).peer(peer);
    }

    private PeerObservation listing(Issued... acceptable) {
        return PeerObservations.requesting(List.of(peerLeaf), List.of(acceptable), Tristate.YES);
    }

    @Test
    void passesWhenThePeerListsOurRoot() {
        assertTrue(host(listing(peerRoot, ourRoot)).findings("peer-does-not-accept-issuer").isEmpty());
    }

    @Test
    void passesWhenThePeerListsOurIssuingCaOnly() {
        assertTrue(host(listing(ourCa)).findings("peer-does-not-accept-issuer").isEmpty());
    }

    @Test
    void failsNamingOurRootAndThePeersListWhenNoneOfOurCasIsListed() {
        List<Finding> findings = host(listing(peerRoot)).findings("peer-does-not-accept-issuer");

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertTrue(finding.message().contains("Example Corp Root CA"), finding.message());
        assertEquals(peerRoot.in(StoreName.ROOT).facts().subject(), finding.evidence().get("peerAcceptableIssuers"));
        assertEquals(ourRoot.in(StoreName.ROOT).facts().subject(), finding.evidence().get("ourRoot"));
        assertEquals(ourLeaf.in(StoreName.MY).thumbprint(), finding.thumbprint());
        assertEquals("pool.contoso.com:5061", finding.evidence().get("peer"));
    }

    @Test
    void namesTheIssuingCaAsTheIssuingCaAndTheRootAsTheRoot() {
        Finding finding = host(listing(peerRoot)).findings("peer-does-not-accept-issuer").get(0);
        String issuing = ourCa.in(StoreName.CA).facts().subject();
        String root = ourRoot.in(StoreName.ROOT).facts().subject();
        assertTrue(finding.message().contains("issuing CA '" + issuing + "'"), finding.message());
        assertTrue(finding.message().contains("up to its root '" + root + "'"), finding.message());
        assertEquals("true", finding.evidence().get("ourChainComplete"));
        assertEquals(issuing, finding.evidence().get("ourIssuingCa"));
    }

    @Test
    void whenOurOwnChainLacksItsIntermediateItSaysSoAndCallsNothingTheRoot() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, ourRoot).addWithKey(ourLeaf)
                .peer(listing(peerRoot));
        List<Finding> findings = host.findings("peer-does-not-accept-issuer");

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        String missing = ourCa.in(StoreName.CA).facts().subject();
        assertTrue(finding.message().contains("own chain is incomplete: '" + missing + "'"), finding.message());
        assertTrue(finding.message().contains("Complete this host's chain first"), finding.message());
        assertFalse(finding.message().contains("root '"), "the missing CA is not named as a root: "
                + finding.message());
        assertEquals("false", finding.evidence().get("ourChainComplete"));
        assertEquals(missing, finding.evidence().get("ourMissingIssuer"));
        assertEquals(null, finding.evidence().get("ourRoot"));
    }

    @Test
    void doesNotApplyWhenThePeerNamesNoAuthority() {
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host(listing())));
    }

    @Test
    void doesNotApplyWhenThePeerAsksForNoCertificate() {
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host(PeerObservations.sent(peerLeaf))));
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals("peer-does-not-accept-issuer"))
                .findFirst().orElseThrow().result();
    }
}
