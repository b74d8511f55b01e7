package io.certaudit.agent.revocation;

import java.security.cert.X509Certificate;
import java.util.List;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.StoreName;

/**
 * One certificate of a chain whose revocation status is asked, with the issuer its answers must be signed by.
 *
 * @param certificate   the certificate
 * @param thumbprint    its uppercase SHA-1
 * @param issuer        the next certificate on its path, or {@code null} when the path stops before it
 * @param store         the store it was read from, or {@code null} when a peer sent it
 * @param peer          the peer that sent it, or {@code null}
 * @param chainsOf      the leaves whose chains hold it (service certificate thumbprints, or the peer's leaf)
 */
public record CertificateToCheck(X509Certificate certificate, String thumbprint, X509Certificate issuer,
                                 StoreName store, PeerAddress peer, List<String> chainsOf) {

    public CertificateToCheck {
        chainsOf = List.copyOf(chainsOf);
    }
}
