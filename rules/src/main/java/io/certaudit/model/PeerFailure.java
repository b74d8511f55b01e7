package io.certaudit.model;

/** Why a TLS peer could not be observed, as far as the handshake got. */
public enum PeerFailure {
    /** The host name did not resolve. */
    DNS("dns"),
    /** The peer's address refused the TCP connection: nothing listens on that port. */
    REFUSED("refused"),
    /** No TCP connection, or no complete handshake, within the configured time. */
    TIMEOUT("timeout"),
    /** The handshake ended with a TLS alert, sent by the peer or by us (no protocol or cipher suite in common). */
    TLS_ALERT("tls-alert"),
    /** The peer closed or reset the connection during the handshake without an alert. */
    CLOSED("closed"),
    /** Any other network error: no route to host, network unreachable. */
    NETWORK("network");

    private final String label;

    PeerFailure(String label) {
        this.label = label;
    }

    /** The form used in reports: {@code dns}, {@code refused}, {@code timeout}, {@code tls-alert}, ... */
    public String label() {
        return label;
    }
}
