package io.certaudit.agent.remediate;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The findings on a service certificate that a newly requested certificate fixes, grouped by what the request must
 * hold to fix them. A finding of any other rule (the chain, Trusted Root, access rights, the peer, DNS) is not
 * fixed by a new certificate and asks for no request.
 */
public enum Remedy {
    /** The names: Subject CN and the DNS names of the SAN. */
    NAMES(Set.of("subject-cn-not-fqdn", "san-missing-fqdn", "subject-mismatch"),
            "Subject and the subject alternative names (2.5.29.17) name the configured names"),
    /** Key length and algorithm, and the key usages TLS needs. */
    KEY(Set.of("key-too-short", "key-algorithm-not-schannel", "key-usage-not-tls"),
            "a new RSA key of the configured length with the digital signature and key encipherment usages"),
    /** Server and client authentication EKUs. */
    EKU(Set.of("eku-missing-server-auth", "eku-missing-client-auth"),
            "Server Authentication and Client Authentication EKUs"),
    /** The signature: SHA-256 with RSA PKCS#1 v1.5 (not PSS). */
    SIGNATURE(Set.of("weak-signature-algorithm", "signature-algorithm-unsupported"),
            "SHA-256 with a PKCS#1 v1.5 signature (the CA signs the certificate: ask it for SHA-256 RSA)"),
    /** Validity: a new certificate starts a new validity period. */
    EXPIRY(Set.of("certificate-expired", "certificate-expiring"), "a new certificate with a new validity period"),
    /** A new key made in the machine key set, where the service reads it. */
    KEY_MISSING(Set.of("private-key-missing", "private-key-mismatch", "private-key-in-user-key-set"),
            "a new private key, made in the machine key set and installed with the certificate"),
    /**
     * A revoked service certificate: a new certificate with a new key (a revocation for keyCompromise condemns the
     * key too). A revoked intermediate is not the service certificate's to fix: the CA's.
     */
    REVOKED(Set.of("certificate-revoked"), "a new certificate with a new key, replacing the revoked one"),
    /** A request (PKCS#10) for a CA to sign, not a self-signed certificate. */
    SELF_SIGNED(Set.of("self-signed-certificate"), "a PKCS#10 request for a certification authority to sign"),
    /** No service certificate at all: a request for one. */
    NO_CERTIFICATE(Set.of("no-service-certificate"), "a request for the service certificate the host lacks");

    private final Set<String> rules;
    private final String fix;

    Remedy(Set<String> rules, String fix) {
        this.rules = rules;
        this.fix = fix;
    }

    /** The rule ids whose findings this remedy fixes. */
    public Set<String> rules() {
        return rules;
    }

    /** What the request holds that fixes them, in words. */
    public String fix() {
        return fix;
    }

    /** The remedy for a finding of {@code rule}, or empty when a new certificate does not fix it. */
    public static Optional<Remedy> of(String rule) {
        return Arrays.stream(values()).filter(remedy -> remedy.rules.contains(rule)).findFirst();
    }
}
