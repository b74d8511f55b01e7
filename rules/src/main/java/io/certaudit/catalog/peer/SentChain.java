package io.certaudit.catalog.peer;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * The certificates a peer sent in its handshake, leaf first, read the way every rule reads certificates. They are
 * filed under CA because that is where they serve when the host builds the peer's path: as extra intermediates
 * beside the host's own, the way Windows adds the certificates a TLS peer sends to its chain search.
 */
final class SentChain {

    private SentChain() {
    }

    static List<StoredCertificate> of(PeerObservation peer) {
        List<StoredCertificate> sent = new ArrayList<>();
        List<X509Certificate> chain = peer.chain();
        for (int i = 0; i < chain.size(); i++) {
            String origin = "sent by peer " + peer.address() + " (certificate " + (i + 1) + " of " + chain.size() + ")";
            try {
                sent.add(StoredCertificate.parse(StoreName.CA, chain.get(i).getEncoded(), origin));
            } catch (CertificateEncodingException | UnreadableCertificateException e) {
                throw new IllegalStateException("a certificate decoded in the handshake did not decode again: "
                        + origin, e);
            }
        }
        return sent;
    }

    /** How messages name a peer: {@code peer pool.example.com:5061}. */
    static String name(PeerObservation peer) {
        return "peer " + peer.address();
    }
}
