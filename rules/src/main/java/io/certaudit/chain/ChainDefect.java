package io.certaudit.chain;

import org.jspecify.annotations.Nullable;

/**
 * What can be wrong with a path that reaches its root, each with the trust-status bits Windows' chain engine sets
 * for it (values from wincrypt.h, as documented for CERT_TRUST_STATUS). The audit ranks candidate paths by these
 * and reports each with the rule named after it.
 */
public enum ChainDefect {
    /** An element is in the Untrusted Certificates (Disallowed) store. */
    DISTRUSTED("certificate-distrusted", 0x04000000, "CERT_TRUST_IS_EXPLICIT_DISTRUST"),
    /** An element is outside its validity period; judged by the date rules, used here only to rank paths. */
    NOT_TIME_VALID(null, 0x00000001, "CERT_TRUST_IS_NOT_TIME_VALID"),
    /** An issuer's basicConstraints says it is not a CA. */
    ISSUER_NOT_CA("chain-issuer-not-ca", 0x00000400, "CERT_TRUST_INVALID_BASIC_CONSTRAINTS"),
    /** More CA certificates below an issuer than its pathLenConstraint allows. */
    PATH_LENGTH_EXCEEDED("chain-path-length-exceeded", 0x00000400, "CERT_TRUST_INVALID_BASIC_CONSTRAINTS"),
    /** An issuer's keyUsage lacks keyCertSign. */
    ISSUER_KEY_USAGE("chain-issuer-key-usage", 0x00000010, "CERT_TRUST_IS_NOT_VALID_FOR_USAGE"),
    /** A name below a name-constrained CA is outside its permitted subtrees. */
    NAME_NOT_PERMITTED("name-constraints-violated", 0x00004000, "CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT"),
    /** A name below a name-constrained CA is inside one of its excluded subtrees. */
    NAME_EXCLUDED("name-constraints-violated", 0x00008000, "CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT"),
    /** A CA's name constraints use a form the chain engine does not support. */
    NAME_CONSTRAINT_UNSUPPORTED("name-constraints-violated", 0x00001000,
            "CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT"),
    /** An element carries a critical extension the chain engine does not process. */
    CRITICAL_EXTENSION_UNKNOWN("critical-extension-unknown", 0x00000100 | 0x08000000,
            "CERT_TRUST_INVALID_EXTENSION | CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT"),
    /** The issuers' EKU extensions and the store EKU properties leave out Server or Client Authentication. */
    NOT_VALID_FOR_USAGE("chain-not-valid-for-usage", 0x00000010, "CERT_TRUST_IS_NOT_VALID_FOR_USAGE");

    private final @Nullable String ruleId;
    private final int trustStatusBits;
    private final String trustStatusNames;

    ChainDefect(@Nullable String ruleId, int trustStatusBits, String trustStatusNames) {
        this.ruleId = ruleId;
        this.trustStatusBits = trustStatusBits;
        this.trustStatusNames = trustStatusNames;
    }

    /** The rule that reports the defect on a service chain, or {@code null} when another rule judges it. */
    public @Nullable String ruleId() {
        return ruleId;
    }

    /** The CERT_TRUST_STATUS.dwErrorStatus bits the chain engine sets for it. */
    public int trustStatusBits() {
        return trustStatusBits;
    }

    /** Those bits by their wincrypt.h names. */
    public String trustStatusNames() {
        return trustStatusNames;
    }

    /** Whether it is one of the constraint defects (basic constraints, key usage, names, extensions). */
    public boolean isConstraint() {
        return this == ISSUER_NOT_CA || this == PATH_LENGTH_EXCEEDED || this == ISSUER_KEY_USAGE
                || this == NAME_NOT_PERMITTED || this == NAME_EXCLUDED || this == NAME_CONSTRAINT_UNSUPPORTED
                || this == CRITICAL_EXTENSION_UNKNOWN;
    }
}
