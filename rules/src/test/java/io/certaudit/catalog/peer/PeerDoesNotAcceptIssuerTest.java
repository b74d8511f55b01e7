package io.certaudit.catalog.peer;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PeerDoesNotAcceptIssuer()).on(host).run();
    }

    private RuleTester.Run withOurChain(PeerObservation peer) {
        return run(new HostFixture().chain(ourRoot, ourCa, ourLeaf).peer(peer));
    }

    private PeerObservation listing(Issued... acceptable) {
        return PeerObservations.requesting(List.of(peerLeaf), List.of(acceptable), Tristate.YES);
    }

    private static String subject(Issued certificate) {
        return certificate.in(StoreName.CA).facts().subject();
    }

    @Test
    void passesWhenThePeerListsOurRoot() {
        withOurChain(listing(peerRoot, ourRoot)).assertPassed();
    }

    @Test
    void passesWhenThePeerListsOurIssuingCaOnly() {
        withOurChain(listing(ourCa)).assertPassed();
    }

    @Test
    void failsNamingOurRootAndThePeersListWhenNoneOfOurCasIsListed() {
        withOurChain(listing(peerRoot)).assertFailed()
                .peerFinding(PeerObservations.POOL).about(ourLeaf)
                .messageContains("Example Corp Root CA")
                .evidence("peerAcceptableIssuers", subject(peerRoot))
                .evidence("ourRoot", subject(ourRoot))
                .evidence("peer", "pool.contoso.com:5061");
    }

    @Test
    void namesTheIssuingCaAsTheIssuingCaAndTheRootAsTheRoot() {
        withOurChain(listing(peerRoot)).assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("issuing CA '" + subject(ourCa) + "'", "up to its root '" + subject(ourRoot) + "'")
                .evidence("ourChainComplete", "true")
                .evidence("ourIssuingCa", subject(ourCa));
    }

    @Test
    void whenOurOwnChainLacksItsIntermediateItSaysSoAndCallsNothingTheRoot() {
        String missing = subject(ourCa);

        run(new HostFixture().add(StoreName.ROOT, ourRoot).addWithKey(ourLeaf).peer(listing(peerRoot)))
                .assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("own chain is incomplete: '" + missing + "'", "Complete this host's chain first")
                .messageLacks("root '")
                .evidence("ourChainComplete", "false")
                .evidence("ourMissingIssuer", missing)
                .noEvidence("ourRoot");
    }

    @Test
    void doesNotApplyWhenThePeerNamesNoAuthority() {
        withOurChain(listing()).assertNotApplicable("the peer's request lists no acceptable issuer");
    }

    @Test
    void doesNotApplyWhenThePeerAsksForNoCertificate() {
        withOurChain(PeerObservations.sent(peerLeaf)).assertNotApplicable("the peer sent no certificate request");
    }
}
