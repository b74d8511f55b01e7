package io.certaudit.agent.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditSettings;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Which certificates are checked: each service path and proven peer chain, root excluded, each once. */
class RevocationTargetsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Targets Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Targets CA").ca());
    private static final Issued POOL = PKI.issue(CA, PKI.spec("pool.example.com"));
    private static final Issued INSTANCE = PKI.issue(CA, PKI.spec("bems01.example.com"));

    private static String thumbprint(Issued issued) {
        return issued.in(StoreName.CA).thumbprint();
    }

    private static PeerObservation peer(String host, PeerKeyProof proof, Issued leaf) {
        return new PeerObservation(new PeerAddress(host, 5061), "192.0.2.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                List.of(RevocationPki.x509(leaf), RevocationPki.x509(CA)), List.of(), Tristate.UNKNOWN, null, null,
                proof);
    }

    @Test
    void eachServicePathCertificateOnceTheRootExcludedAndProvenPeersOnly() {
        Issued lync = PKI.issue(CA, PKI.spec("lyncpool.example.com"));
        HostSnapshot snapshot = HostSnapshot.builder("host", "test")
                .add(ROOT.in(StoreName.ROOT)).add(CA.in(StoreName.CA))
                .add(POOL.in(StoreName.MY)).add(INSTANCE.in(StoreName.MY))
                .peer(peer("lyncpool.example.com", PeerKeyProof.PROVEN, lync))
                .peer(peer("replay.example.com", PeerKeyProof.UNPROVEN, lync))
                .build();
        List<CertificateToCheck> targets = RevocationTargets.of(snapshot, AuditSettings.defaults(), TestPki.NOW);

        assertEquals(List.of(thumbprint(POOL), thumbprint(CA), thumbprint(INSTANCE), thumbprint(lync),
                thumbprint(CA)), targets.stream().map(CertificateToCheck::thumbprint).toList());
        CertificateToCheck ca = targets.get(1);
        assertEquals(StoreName.CA, ca.store());
        assertEquals(List.of(thumbprint(POOL), thumbprint(INSTANCE)), ca.chainsOf(), "checked once for both");
        assertEquals(RevocationPki.x509(ROOT), ca.issuer());
        assertEquals(RevocationPki.x509(CA), targets.get(0).issuer());

        CertificateToCheck peerLeaf = targets.get(3);
        assertEquals(new PeerAddress("lyncpool.example.com", 5061), peerLeaf.peer());
        assertNull(peerLeaf.store());
        assertEquals(new PeerAddress("lyncpool.example.com", 5061), targets.get(4).peer());
    }

    @Test
    void aPathThatStopsShortLeavesItsTopWithoutIssuer() {
        HostSnapshot snapshot = HostSnapshot.builder("host", "test").add(POOL.in(StoreName.MY)).build();
        List<CertificateToCheck> targets = RevocationTargets.of(snapshot, AuditSettings.defaults(), TestPki.NOW);
        assertEquals(1, targets.size());
        assertNull(targets.get(0).issuer());
    }
}
