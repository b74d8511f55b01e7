package io.certaudit.agent.probe;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The certificates of the probe tests: the peer's chain (a {@code localhost} leaf under an issuing CA under a root)
 * and two roots that may or may not be in the peer's client CA list, ours and an unrelated one.
 */
final class PeerPki {

    private static final TestPki PKI = new TestPki();

    static final Issued PEER_ROOT = PKI.root("Peer Root");
    static final Issued PEER_INTERMEDIATE = PKI.issue(PEER_ROOT, PKI.spec("Peer Issuing CA").ca());
    static final Issued PEER_LEAF = PKI.issue(PEER_INTERMEDIATE, PKI.spec("localhost").san("localhost"));
    static final Issued OUR_ROOT = PKI.root("Our Root");
    static final Issued UNRELATED_ROOT = PKI.root("Unrelated Root");

    private PeerPki() {
    }

    static X509Certificate x509(Issued issued) {
        return stored(issued).certificate();
    }

    static List<X509Certificate> x509(List<Issued> issued) {
        return issued.stream().map(PeerPki::x509).toList();
    }

    static PrivateKey leafKey() {
        return PEER_LEAF.privateKey();
    }

    static X500Principal subject(Issued issued) {
        return x509(issued).getSubjectX500Principal();
    }

    static String thumbprint(Issued issued) {
        return stored(issued).thumbprint();
    }

    /** The peer's chain as it sends it: the leaf, then its intermediate when it sends that too. */
    static List<X509Certificate> sentChain(boolean withIntermediate) {
        return withIntermediate ? x509(List.of(PEER_LEAF, PEER_INTERMEDIATE)) : x509(List.of(PEER_LEAF));
    }

    private static StoredCertificate stored(Issued issued) {
        return issued.in(StoreName.CA);
    }
}
