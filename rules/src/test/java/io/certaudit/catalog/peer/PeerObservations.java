package io.certaudit.catalog.peer;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki.Issued;

/** What a probe would have seen, put together from test certificates. */
final class PeerObservations {

    static final PeerAddress POOL = new PeerAddress("pool.contoso.com", 5061);

    private PeerObservations() {
    }

    /** A finished handshake in which the peer sent {@code chain} and asked for no client certificate. */
    static PeerObservation sent(Issued... chain) {
        return reached(POOL, List.of(chain), null, Tristate.UNKNOWN);
    }

    /** A finished handshake in which the peer sent {@code chain} and named {@code acceptable} in its request. */
    static PeerObservation requesting(List<Issued> chain, List<Issued> acceptable, Tristate required) {
        return reached(POOL, chain, acceptable.stream().map(PeerObservations::subject).toList(), required);
    }

    static PeerObservation reached(PeerAddress address, List<Issued> chain, List<X500Principal> acceptable,
                                   Tristate required) {
        return new PeerObservation(address, "192.0.2.10", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                chain.stream().map(PeerObservations::x509).toList(), acceptable, required, null, null);
    }

    static PeerObservation failed(PeerFailure failure, String message) {
        return new PeerObservation(POOL, null, null, null, List.of(), null, Tristate.UNKNOWN, failure, message);
    }

    static X509Certificate x509(Issued issued) {
        return issued.in(StoreName.CA).certificate();
    }

    static X500Principal subject(Issued issued) {
        return x509(issued).getSubjectX500Principal();
    }
}
