package io.certaudit.model;

/**
 * A TLS peer the service talks to (a Lync/Skype pool, an SBC), as the user named it.
 *
 * @param host a DNS name or an IP literal (IPv6 without brackets); the name the peer's certificate must cover
 * @param port the TCP port of its MTLS listener
 */
public record PeerAddress(String host, int port) {

    public PeerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a peer needs a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port " + port + " is not between 1 and 65535");
        }
        host = host.trim();
    }

    /**
     * Reads {@code HOST:PORT}, or {@code [IPV6]:PORT} for an IPv6 literal, as given on the command line or in the
     * config file.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not of that form
     */
    public static PeerAddress parse(String text) {
        String value = text == null ? "" : text.trim();
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !value.startsWith(":", close + 1)) {
                throw malformed(text);
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0 || value.indexOf(':') != colon) {
                throw malformed(text);
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (host.isBlank() || port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            throw malformed(text);
        }
        return new PeerAddress(host, Integer.parseInt(port));
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("peer '" + text + "' is not HOST:PORT (for example pool.example.com:5061,"
                + " or [2001:db8::1]:5061 for an IPv6 address)");
    }

    /** Whether the host is an IP literal rather than a DNS name: no SNI is sent for it, as RFC 6066 says. */
    public boolean hostIsIpLiteral() {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** {@code HOST:PORT}, with brackets around an IPv6 literal: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
