package io.certaudit.chain;

import java.util.List;

/**
 * A candidate the path search did not take, for the evidence: the path it would have given (or the candidate
 * alone when it led nowhere) and why it lost.
 *
 * @param path    as {@link CertificatePath#describe()} writes paths
 * @param reasons why it was rejected or ranked lower, e.g. {@code signature does not verify},
 *                {@code CERT_TRUST_IS_NOT_TIME_VALID}
 */
public record RejectedPath(String path, List<String> reasons) {

    public RejectedPath {
        reasons = List.copyOf(reasons);
    }

    /** {@code path (reason; reason)}. */
    public String describe() {
        return path + " (" + String.join("; ", reasons) + ")";
    }
}
