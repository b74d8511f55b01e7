package io.certaudit.model;

/**
 * Whether a TLS peer proved, in the handshake the probe saw, that it holds the private key of the certificate it
 * sent. A certificate chain is public: anyone can replay a real server's chain, and its CertificateRequest, and then
 * hang up. Only the peer's signature over the handshake binds the chain to the party at the other end: the
 * CertificateVerify of TLS 1.3 (RFC 8446 4.4.3), the signed ServerKeyExchange of an ECDHE or DHE suite in TLS 1.2
 * (RFC 5246 7.4.3). Rules that would pass a peer on its chain or on the issuers it names judge only a proven peer.
 */
public enum PeerKeyProof {
    /**
     * The peer's signature was verified: the TLS 1.3 handshake finished (the client checks CertificateVerify and
     * the server's Finished before its own), or in TLS 1.2 the client got past the signed ServerKeyExchange to its
     * own key exchange, which the probe sees as the ClientKeyExchange it sends.
     */
    PROVEN("proven"),
    /** The handshake ended before the peer's signature was verified, or before the peer sent a chain at all. */
    UNPROVEN("unproven");

    private final String label;

    PeerKeyProof(String label) {
        this.label = label;
    }

    /** {@code proven} or {@code unproven}, as reports write it. */
    public String label() {
        return label;
    }
}
