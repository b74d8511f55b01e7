package io.certaudit.catalog.peer;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerIssuerNotClientAuthIssuerTest {

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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PeerIssuerNotClientAuthIssuer()).on(host).run();
    }

    @Test
    void exclusiveRootTrustAcceptsAChainEndingAtARootInClientAuthenticationIssuers() {
        HostFixture host = host(1, peerRoot);

        run(host).assertPassed();
    }

    @Test
    void exclusiveRootTrustRejectsAChainWhoseOnlyIssuerThereIsTheIntermediate() {
        run(host(1, peerCa, otherRoot)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).about(peerLeaf)
                .messageContains("Exclusive Root Trust", "Contoso Lync Root CA")
                .evidence("ClientAuthTrustMode", "1 (Exclusive Root Trust)")
                .evidence("clientAuthIssuerCertificates", "2");
    }

    @Test
    void exclusiveCaTrustAcceptsTheIntermediateOrTheRoot() {
        run(host(2, peerCa)).assertPassed();
        run(host(2, peerRoot)).assertPassed();
    }

    @Test
    void exclusiveCaTrustRejectsAChainWithNoCaThere() {
        run(host(2, otherRoot)).assertFailed()
                .onlyFinding().messageContains("Exclusive CA Trust", "none of its CAs");
    }

    @Test
    void anEmptyClientAuthenticationIssuersStoreAcceptsNoPeer() {
        run(host(2)).assertFailed().onlyFinding().messageContains("that store is empty");
    }

    @Test
    void exclusiveRootTrustFindsTheRootInClientAuthenticationIssuersAloneEvenOutsideTrustedRoot() {
        HostFixture host = new HostFixture().add(StoreName.CLIENT_AUTH_ISSUER, peerRoot)
                .schannel(RegistryDword.absent(), RegistryDword.of(1))
                .peer(PeerObservations.sent(peerLeaf, peerCa));

        run(host).assertPassed();
    }

    @Test
    void machineTrustAnUndocumentedValueOrNoSettingsAreNotApplicable() {
        for (HostFixture host : List.of(host(0), host(7),
                new HostFixture().add(StoreName.ROOT, peerRoot).peer(PeerObservations.sent(peerLeaf, peerCa)),
                new HostFixture().add(StoreName.ROOT, peerRoot).schannel(RegistryDword.absent(),
                        RegistryDword.absent()).peer(PeerObservations.sent(peerLeaf, peerCa)))) {
            run(host).assertNotApplicable("only Exclusive Root Trust and Exclusive CA Trust restrict the issuers")
                    .assertNoFindings();
        }
    }

    @Test
    void aStoreTheSourceDidNotReadIsNotJudgedEmpty() {
        HostFixture host = host(1).storesGiven(StoreName.MY, StoreName.CA, StoreName.ROOT);

        run(host).assertNotApplicable("the source did not read Client Authentication Issuers").assertNoFindings();
    }

    @Test
    void aPeerThatDidNotProveItsKeyIsNotJudged() {
        PeerObservation sent = PeerObservations.sent(peerLeaf, peerCa);
        PeerObservation unproven = new PeerObservation(sent.address(), sent.resolvedAddress(), sent.protocol(),
                sent.cipherSuite(), sent.chain(), sent.acceptableIssuers(), sent.clientCertificateRequired(), null,
                null, PeerKeyProof.UNPROVEN);
        HostFixture host = new HostFixture().add(StoreName.ROOT, peerRoot)
                .schannel(RegistryDword.absent(), RegistryDword.of(1)).peer(unproven);

        run(host).assertNotApplicable("the peer never proved it holds the key of the chain it sent")
                .assertNoFindings();
    }
}
