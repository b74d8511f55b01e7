package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerFailure;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerUntrustedTest {

    private final TestPki pki = new TestPki();
    private final Issued peerRoot = pki.root("Contoso Lync Root CA");
    private final Issued peerCa = pki.issue(peerRoot, pki.spec("Contoso Lync Issuing CA").ca());
    private final Issued peerLeaf = pki.issue(peerCa, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private List<Finding> audit(HostFixture host, PeerObservation peer) {
        return host.peer(peer).findings("peer-untrusted");
    }

    @Test
    void passesWhenTheSentIntermediateLeadsToARootInTrustedRoot() {
        assertTrue(audit(new HostFixture().add(StoreName.ROOT, peerRoot), PeerObservations.sent(peerLeaf, peerCa))
                .isEmpty());
    }

    @Test
    void failsWhenAnIntermediateThePeerSentIsInUntrustedCertificates() {
        List<Finding> findings = audit(new HostFixture().add(StoreName.ROOT, peerRoot)
                .add(StoreName.DISALLOWED, peerCa), PeerObservations.sent(peerLeaf, peerCa));

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("CERT_TRUST_IS_EXPLICIT_DISTRUST"), findings.get(0).message());
        assertEquals(peerCa.in(StoreName.CA).thumbprint(), findings.get(0).evidence().get("distrusted"));
    }

    @Test
    void passesWhenTheHostHoldsTheIntermediateThePeerLeftOut() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, peerRoot).add(StoreName.CA, peerCa);

        assertTrue(audit(host, PeerObservations.sent(peerLeaf)).isEmpty());
    }

    @Test
    void namesTheMissingRootAndThatThePeerDidNotSendIt() {
        List<Finding> findings = audit(new HostFixture(), PeerObservations.sent(peerLeaf, peerCa));

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertTrue(finding.message().contains("Contoso Lync Root CA"), finding.message());
        assertTrue(finding.message().contains("the peer did not send it"), finding.message());
        assertEquals("no", finding.evidence().get("sentByPeer"));
        assertTrue(finding.evidence().get("path").contains("[sent by peer]"), finding.evidence().get("path"));
        assertEquals(peerLeaf.in(StoreName.CA).thumbprint(), finding.thumbprint());
    }

    @Test
    void namesTheMissingIntermediateWhenThePeerSendsOnlyItsCertificate() {
        List<Finding> findings = audit(new HostFixture().add(StoreName.ROOT, peerRoot),
                PeerObservations.sent(peerLeaf));

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).evidence().get("missingIssuer").contains("Contoso Lync Issuing CA"),
                findings.get(0).evidence().toString());
        assertEquals("no", findings.get(0).evidence().get("sentByPeer"));
    }

    @Test
    void saysThePeerSentTheRootThisHostDoesNotTrust() {
        List<Finding> findings = audit(new HostFixture(), PeerObservations.sent(peerLeaf, peerCa, peerRoot));

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertTrue(finding.message().contains("the peer sent it, but it is not in this host's Trusted Root"),
                finding.message());
        assertEquals(peerRoot.in(StoreName.ROOT).thumbprint(), finding.evidence().get("untrustedRoot"));
        assertEquals("yes", finding.evidence().get("sentByPeer"));
    }

    @Test
    void saysWhenTheHostHasTheRootInTheWrongStore() {
        List<Finding> findings = audit(new HostFixture().add(StoreName.CA, peerRoot),
                PeerObservations.sent(peerLeaf, peerCa));

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("this host has it, but not in Trusted Root"),
                findings.get(0).message());
    }

    @Test
    void failsASelfSignedPeerCertificateThisHostDoesNotTrust() {
        Issued selfSigned = pki.selfSigned(pki.spec("sbc.contoso.com").san("sbc.contoso.com"));

        List<Finding> findings = audit(new HostFixture(), PeerObservations.sent(selfSigned));

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("is self-signed"), findings.get(0).message());
    }

    @Test
    void doesNotApplyToAPeerThatSentNoCertificate() {
        assertTrue(audit(new HostFixture(), PeerObservations.failed(io.certaudit.model.PeerFailure.TIMEOUT,
                "no complete TLS handshake within 5 s")).isEmpty());
    }

    @Test
    void doesNotJudgeAChainThePeerNeverProvedItsOwn() {
        PeerObservation replayed = new PeerObservation(PeerObservations.POOL, "192.0.2.10", "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", List.of(PeerObservations.x509(peerLeaf)), null,
                Tristate.UNKNOWN, PeerFailure.CLOSED, "the peer closed the connection", PeerKeyProof.UNPROVEN);

        // Proven, the same chain fails for its missing intermediate; unproven, it is neither failed nor passed.
        assertEquals(1, audit(new HostFixture().add(StoreName.ROOT, peerRoot), PeerObservations.sent(peerLeaf))
                .size());
        assertTrue(audit(new HostFixture().add(StoreName.ROOT, peerRoot), replayed).isEmpty());
        assertEquals(io.certaudit.engine.RuleOutcome.Result.NOT_APPLICABLE, new HostFixture()
                .add(StoreName.ROOT, peerRoot).peer(replayed).audit().outcomes().stream()
                .filter(outcome -> outcome.rule().equals("peer-untrusted")).findFirst().orElseThrow().result());
    }
}
