package io.certaudit.catalog.names;

import java.util.Optional;

/** What makes a string a fully qualified domain name a peer can match, per RFC 1123 host name syntax. */
public final class HostNames {

    /** The longest label RFC 1123 allows. */
    private static final int MAX_LABEL_LENGTH = 63;

    private HostNames() {
    }

    /**
     * Whether {@code pattern} is a wildcard ({@code *.example.com}) that a TLS client would take to cover
     * {@code name}: the star stands for exactly the left-most label (RFC 6125 6.4.3).
     */
    public static boolean wildcardCovers(String pattern, String name) {
        if (pattern == null || name == null || !pattern.startsWith("*.")) {
            return false;
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot).equalsIgnoreCase(pattern.substring(1));
    }

    /** Why {@code name} is not an FQDN, or empty when it is one. */
    public static Optional<String> whyNotFqdn(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.startsWith("*")) {
            return Optional.of("it is a wildcard, which does not name one host");
        }
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (host.length() > 253) {
            return Optional.of("it is longer than 253 characters");
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("it is a single label, not fully qualified");
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return Optional.of("label '" + label + "' is not a valid host name label");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("it is an IP address or ends in a numeric label");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code label} is an RFC 1123 host name label: 1 to 63 ASCII letters, digits and hyphens, starting and
     * ending with a letter or digit. Checked character by character: the rules ask it of every name of every
     * service certificate.
     */
    static boolean isLabel(String label) {
        int length = label.length();
        if (length == 0 || length > MAX_LABEL_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            boolean letterOrDigit = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (c != '-' || i == 0 || i == length - 1)) {
                return false;
            }
        }
        return true;
    }
}
