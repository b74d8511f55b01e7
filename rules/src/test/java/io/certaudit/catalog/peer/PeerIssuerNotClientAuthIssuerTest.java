package io.certaudit.catalog.peer;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerIssuerNotClientAuthIssuerTest {

    private static final String RULE = "peer-issuer-not-client-auth-issuer";

    private final TestPki pki = new TestPki();
    private final Issued peerRoot = pki.root("Contoso Lync Root CA");
    private final Issued peerCa = pki.issue(peerRoot, pki.spec("Contoso Lync Issuing CA").ca());
    private final Issued peerLeaf = pki.issue(peerCa, pki.spec("pool.contoso.com").san("pool.contoso.com"));
    private final Issued otherRoot = pki.root("Fabrikam Root CA");

    /** A host that trusts the peer's root, with the trust mode given and the issuers in ClientAuthIssuer. */
    private HostFixture host(long trustMode, Issued... clientAuthIssuers) {
        return new HostFixture().add(StoreName.ROOT, peerRoot).add(StoreName.CLIENT_AUTH_ISSUER, clientAuthIssuers)
                .schannel(RegistryDword.absent(), RegistryDword.of(trustMode))
                .peer(PeerObservations.sent(peerLeaf, peerCa));
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }

    @Test
    void exclusiveRootTrustAcceptsAChainEndingAtARootInClientAuthenticationIssuers() {
        HostFixture host = host(1, peerRoot);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void exclusiveRootTrustRejectsAChainWhoseOnlyIssuerThereIsTheIntermediate() {
        List<Finding> findings = host(1, peerCa, otherRoot).findings(RULE);

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("Exclusive Root Trust"), finding.message());
        assertTrue(finding.message().contains("Contoso Lync Root CA"), finding.message());
        assertEquals("1 (Exclusive Root Trust)", finding.evidence().get("ClientAuthTrustMode"));
        assertEquals("2", finding.evidence().get("clientAuthIssuerCertificates"));
        assertEquals(peerLeaf.in(StoreName.CA).thumbprint(), finding.thumbprint());
    }

    @Test
    void exclusiveCaTrustAcceptsTheIntermediateOrTheRoot() {
        assertNone(host(2, peerCa).findings(RULE));
        assertNone(host(2, peerRoot).findings(RULE));
    }

    @Test
    void exclusiveCaTrustRejectsAChainWithNoCaThere() {
        List<Finding> findings = host(2, otherRoot).findings(RULE);

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("Exclusive CA Trust"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("none of its CAs"), findings.get(0).message());
    }

    @Test
    void anEmptyClientAuthenticationIssuersStoreAcceptsNoPeer() {
        List<Finding> findings = host(2).findings(RULE);

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("that store is empty"), findings.get(0).message());
    }

    @Test
    void exclusiveRootTrustFindsTheRootInClientAuthenticationIssuersAloneEvenOutsideTrustedRoot() {
        HostFixture host = new HostFixture().add(StoreName.CLIENT_AUTH_ISSUER, peerRoot)
                .schannel(RegistryDword.absent(), RegistryDword.of(1))
                .peer(PeerObservations.sent(peerLeaf, peerCa));

        assertNone(host.findings(RULE));
    }

    @Test
    void machineTrustAnUndocumentedValueOrNoSettingsAreNotApplicable() {
        for (HostFixture host : List.of(host(0), host(7),
                new HostFixture().add(StoreName.ROOT, peerRoot).peer(PeerObservations.sent(peerLeaf, peerCa)),
                new HostFixture().add(StoreName.ROOT, peerRoot).schannel(RegistryDword.absent(),
                        RegistryDword.absent()).peer(PeerObservations.sent(peerLeaf, peerCa)))) {
            assertNone(host.findings(RULE));
            assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
        }
    }

    @Test
    void aStoreTheSourceDidNotReadIsNotJudgedEmpty() {
        HostFixture host = host(1).storesGiven(StoreName.MY, StoreName.CA, StoreName.ROOT);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }

    @Test
    void aPeerThatDidNotProveItsKeyIsNotJudged() {
        PeerObservation sent = PeerObservations.sent(peerLeaf, peerCa);
        PeerObservation unproven = new PeerObservation(sent.address(), sent.resolvedAddress(), sent.protocol(),
                sent.cipherSuite(), sent.chain(), sent.acceptableIssuers(), sent.clientCertificateRequired(), null,
                null, PeerKeyProof.UNPROVEN);
        HostFixture host = new HostFixture().add(StoreName.ROOT, peerRoot)
                .schannel(RegistryDword.absent(), RegistryDword.of(1)).peer(unproven);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }
}
