package io.certaudit.model;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

/**
 * What one TLS handshake with a peer showed, without judgement: the chain the peer sent, the certificate
 * authorities it accepts for client certificates, and how far the handshake got. Whatever was seen before a
 * failure is kept, so a peer that closes after sending its certificate is still judged on that certificate.
 *
 * @param address                   the peer as the user named it
 * @param resolvedAddress           the IP address connected to, or {@code null} when the name did not resolve
 * @param protocol                  the negotiated protocol ({@code TLSv1.3}, {@code TLSv1.2}), or {@code null}
 * @param cipherSuite               the negotiated cipher suite, or {@code null}
 * @param chain                     the certificates the peer sent, in the order it sent them (leaf first); empty
 *                                  when the handshake ended before the peer's Certificate message
 * @param acceptableIssuers         the certificate authorities the peer named in its CertificateRequest, in its
 *                                  order; empty when it requested a certificate without naming any (TLS 1.3
 *                                  without the certificate_authorities extension, or an empty TLS 1.2 list);
 *                                  {@code null} when it did not request a client certificate
 * @param clientCertificateRequired whether the peer refused to go on once it saw that we sent no certificate:
 *                                  UNKNOWN when it requested none, or when its answer did not come
 * @param failure                   why the handshake did not finish, or {@code null} when it did
 * @param failureMessage            the reason in words, or {@code null} when the handshake finished
 * @param keyProof                  whether the peer proved it holds the key of {@link #chain()}'s leaf: only then
 *                                  is the chain, and the issuer list, the peer's own rather than a replay
 */
public record PeerObservation(PeerAddress address, String resolvedAddress, String protocol, String cipherSuite,
                              List<X509Certificate> chain, List<X500Principal> acceptableIssuers,
                              Tristate clientCertificateRequired, PeerFailure failure, String failureMessage,
                              PeerKeyProof keyProof) {

    /**
     * An observation whose key proof follows from how the handshake ended: a handshake that finished with only
     * forward-secret suites offered proves the key ({@link PeerKeyProof#PROVEN}); one that failed proves nothing.
     */
    public PeerObservation(PeerAddress address, String resolvedAddress, String protocol, String cipherSuite,
                           List<X509Certificate> chain, List<X500Principal> acceptableIssuers,
                           Tristate clientCertificateRequired, PeerFailure failure, String failureMessage) {
        this(address, resolvedAddress, protocol, cipherSuite, chain, acceptableIssuers, clientCertificateRequired,
                failure, failureMessage, failure == null && !chain.isEmpty() ? PeerKeyProof.PROVEN
                        : PeerKeyProof.UNPROVEN);
    }

    public PeerObservation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(keyProof, "keyProof");
        chain = List.copyOf(chain);
        acceptableIssuers = acceptableIssuers == null ? null : List.copyOf(acceptableIssuers);
        Objects.requireNonNull(clientCertificateRequired, "clientCertificateRequired");
        if ((failure == null) != (failureMessage == null)) {
            throw new IllegalArgumentException("a failure and its message go together");
        }
    }

    /** Whether the handshake finished, or was ended by the peer only because we presented no certificate. */
    public boolean reached() {
        return failure == null;
    }

    /** Whether the peer proved it holds the key of the certificate it sent: its chain and issuer list are its own. */
    public boolean keyProven() {
        return keyProof == PeerKeyProof.PROVEN && !chain.isEmpty();
    }

    /** Whether the peer sent a CertificateRequest: mutual TLS is at least offered on this port. */
    public boolean clientCertificateRequested() {
        return acceptableIssuers != null;
    }

    /** Uppercase SHA-1 thumbprints of {@link #chain()}, in the same order. */
    public List<String> thumbprints() {
        return chain.stream().map(PeerObservation::thumbprint).toList();
    }

    /** The acceptable issuers as RFC 2253 names, or {@code null} when no client certificate was requested. */
    public List<String> acceptableIssuerNames() {
        return acceptableIssuers == null ? null : acceptableIssuers.stream().map(X500Principal::getName).toList();
    }

    private static String thumbprint(X509Certificate certificate) {
        try {
            return StoredCertificate.digest("SHA-1", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate decoded from the handshake re-encodes", e);
        }
    }
}
