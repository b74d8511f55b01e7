package io.certaudit.catalog.peer;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerUntrustedTest {

    private final TestPki pki = new TestPki();
    private final Issued peerRoot = pki.root("Contoso Lync Root CA");
    private final Issued peerCa = pki.issue(peerRoot, pki.spec("Contoso Lync Issuing CA").ca());
    private final Issued peerLeaf = pki.issue(peerCa, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private static RuleTester.Run audit(HostFixture host, PeerObservation peer) {
        return RuleTester.of(new PeerUntrusted()).on(host.peer(peer)).run();
    }

    @Test
    void passesWhenTheSentIntermediateLeadsToARootInTrustedRoot() {
        audit(new HostFixture().add(StoreName.ROOT, peerRoot), PeerObservations.sent(peerLeaf, peerCa))
                .assertPassed();
    }

    @Test
    void failsWhenAnIntermediateThePeerSentIsInUntrustedCertificates() {
        audit(new HostFixture().add(StoreName.ROOT, peerRoot).add(StoreName.DISALLOWED, peerCa),
                PeerObservations.sent(peerLeaf, peerCa)).assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("CERT_TRUST_IS_EXPLICIT_DISTRUST")
                .evidence("distrusted", RuleTester.thumbprint(peerCa));
    }

    @Test
    void passesWhenTheHostHoldsTheIntermediateThePeerLeftOut() {
        audit(new HostFixture().add(StoreName.ROOT, peerRoot).add(StoreName.CA, peerCa),
                PeerObservations.sent(peerLeaf)).assertPassed();
    }

    @Test
    void namesTheMissingRootAndThatThePeerDidNotSendIt() {
        audit(new HostFixture(), PeerObservations.sent(peerLeaf, peerCa)).assertFailed()
                .peerFinding(PeerObservations.POOL).about(peerLeaf)
                .messageContains("Contoso Lync Root CA", "the peer did not send it")
                .evidence("sentByPeer", "no")
                .evidenceContains("path", "[sent by peer]");
    }

    @Test
    void namesTheMissingIntermediateWhenThePeerSendsOnlyItsCertificate() {
        audit(new HostFixture().add(StoreName.ROOT, peerRoot), PeerObservations.sent(peerLeaf)).assertFailed()
                .peerFinding(PeerObservations.POOL)
                .evidenceContains("missingIssuer", "Contoso Lync Issuing CA")
                .evidence("sentByPeer", "no");
    }

    @Test
    void saysThePeerSentTheRootThisHostDoesNotTrust() {
        audit(new HostFixture(), PeerObservations.sent(peerLeaf, peerCa, peerRoot)).assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("the peer sent it, but it is not in this host's Trusted Root")
                .evidence("untrustedRoot", RuleTester.thumbprint(peerRoot))
                .evidence("sentByPeer", "yes");
    }

    @Test
    void saysWhenTheHostHasTheRootInTheWrongStore() {
        audit(new HostFixture().add(StoreName.CA, peerRoot), PeerObservations.sent(peerLeaf, peerCa))
                .assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("this host has it, but not in Trusted Root");
    }

    @Test
    void failsASelfSignedPeerCertificateThisHostDoesNotTrust() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbc.contoso.com").san("sbc.contoso.com"));

        audit(new HostFixture(), PeerObservations.sent(selfSigned)).assertFailed()
                .peerFinding(PeerObservations.POOL)
                .messageContains("is self-signed");
    }

    @Test
    void doesNotApplyToAPeerThatSentNoCertificate() {
        audit(new HostFixture(), PeerObservations.failed(PeerFailure.TIMEOUT, "no complete TLS handshake within 5 s"))
                .assertNotApplicable("the peer sent no certificate to judge");
    }

    @Test
    void doesNotJudgeAChainThePeerNeverProvedItsOwn() {
        PeerObservation replayed = new PeerObservation(PeerObservations.POOL, "192.0.2.10", "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", List.of(PeerObservations.x509(peerLeaf)), null,
                Tristate.UNKNOWN, PeerFailure.CLOSED, "the peer closed the connection", PeerKeyProof.UNPROVEN);

        // Proven, the same chain fails for its missing intermediate; unproven, it is neither failed nor passed.
        audit(new HostFixture().add(StoreName.ROOT, peerRoot), PeerObservations.sent(peerLeaf)).assertFailed()
                .assertFindingCount(1);
        audit(new HostFixture().add(StoreName.ROOT, peerRoot), replayed)
                .assertNotApplicable("the peer never proved it holds the key of the chain it sent")
                .assertNoFindings();
    }
}
