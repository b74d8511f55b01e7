package io.certaudit.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list of trusted issuer names SChannel sends in a TLS CertificateRequest, as built from Trusted Root: one
 * entry per distinct certificate (the same certificate in two physical stores is sent once), each its DER-encoded
 * subject preceded by a 2-byte length. The rule root-store-too-large judges it; the report shows its size.
 *
 * @param certificates the distinct certificates whose names are sent
 * @param bytes        the encoded size of the list
 */
public record TrustedIssuerList(int certificates, int bytes) {

    /** SChannel's limit on the encoded list, in bytes (KB 2464556, KB 933430). */
    public static final int LIMIT_BYTES = 16_384;

    /** The list built from the entries of Trusted Root. */
    public static TrustedIssuerList of(Collection<StoredCertificate> rootStore) {
        Map<String, StoredCertificate> distinct = new LinkedHashMap<>();
        rootStore.forEach(c -> distinct.putIfAbsent(c.thumbprint(), c));
        int bytes = distinct.values().stream().mapToInt(c -> c.facts().encodedSubjectLength() + 2).sum();
        return new TrustedIssuerList(distinct.size(), bytes);
    }

    public boolean exceedsLimit() {
        return bytes > LIMIT_BYTES;
    }
}
