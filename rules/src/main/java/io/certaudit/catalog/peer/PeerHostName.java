package io.certaudit.catalog.peer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.util.IPAddress;

import io.certaudit.model.CertificateFacts;
import io.certaudit.model.PeerAddress;

/**
 * Whether a certificate names the host it was reached at, as a TLS client checks it (RFC 6125 6.4): a DNS name
 * against the SAN dNSName entries, a wildcard standing for exactly the whole left-most label; the subject CN only
 * when the certificate has no dNSName at all; an IP address against the SAN iPAddress entries only.
 */
final class PeerHostName {

    private PeerHostName() {
    }

    static boolean covers(CertificateFacts facts, PeerAddress address) {
        if (address.hostIsIpLiteral()) {
            return facts.subjectAlternativeNames().stream()
                    .filter(name -> name.startsWith("IP:"))
                    .anyMatch(name -> sameAddress(name.substring(3), address.host()));
        }
        String host = normalise(address.host());
        List<String> dnsNames = facts.dnsNames();
        if (dnsNames.isEmpty()) {
            return facts.subjectCommonName() != null && normalise(facts.subjectCommonName()).equals(host);
        }
        return dnsNames.stream().anyMatch(name -> matches(normalise(name), host));
    }

    private static boolean matches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int firstDot = host.indexOf('.');
        // The wildcard covers one whole label, never the registered domain itself: *.example.com covers
        // pool.example.com, not example.com nor a.pool.example.com.
        return firstDot > 0 && host.substring(firstDot).equals(pattern.substring(1));
    }

    private static String normalise(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * Compares two IP literals by value, so {@code ::1} equals {@code 0:0:0:0:0:0:0:1}. Both are checked to be
     * literals first: given anything else, {@link InetAddress#getByName} would ask DNS, and rules never do.
     */
    private static boolean sameAddress(String certificateValue, String host) {
        if (!IPAddress.isValid(certificateValue) || !IPAddress.isValid(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(certificateValue).equals(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
