package io.certaudit.agent.remediate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The certificate to request in place of one service certificate (or, when the host has none, for the configured
 * names), and why.
 *
 * @param subjectCommonName the CN: the pool FQDN, else the gateway address, letter case kept
 * @param dnsNames          the DNS names of the SAN, CN first, each once
 * @param ipAddresses       IP address names of the SAN (a gateway address given as an IPv4 literal)
 * @param keyLength         the RSA key length in bits
 * @param provider          where the key is made
 * @param replaces          the thumbprint of the certificate it replaces, or {@code null} when there is none
 * @param replacesSubject   that certificate's subject, or {@code null}
 * @param reasons           each remedy the request carries, with the findings (rule: message) that call for it
 */
public record CertificateRequest(String subjectCommonName, List<String> dnsNames, List<String> ipAddresses,
                                 int keyLength, KeyProvider provider, String replaces, String replacesSubject,
                                 Map<Remedy, List<String>> reasons) {

    public CertificateRequest {
        Objects.requireNonNull(subjectCommonName, "subjectCommonName");
        Objects.requireNonNull(provider, "provider");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        reasons = Map.copyOf(reasons);
    }

    /** The remedies the request carries. */
    public Set<Remedy> remedies() {
        return reasons.keySet();
    }
}
