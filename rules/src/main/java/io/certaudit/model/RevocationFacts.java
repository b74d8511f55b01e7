package io.certaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * Whether the revocation status of the service chains and the peers' chains was checked for this audit, and what
 * was found. Checking fetches CRLs and OCSP answers from the network, so it happens only when the user asks; the
 * reason it did not is kept so that the report says so rather than implying the certificates are not revoked.
 *
 * @param checked          whether the status was fetched for this audit
 * @param notCheckedReason why it was not, or {@code null} when it was
 * @param checks           one entry per certificate checked (service chains first, then peers), empty unless checked
 * @param fetches          how many HTTP requests were made
 * @param fetchLimit       the most requests the run allowed (0 when not checked)
 */
public record RevocationFacts(boolean checked, String notCheckedReason, List<RevocationCheck> checks, int fetches,
                              int fetchLimit) {

    /**
     * Why revocation was not checked when the user did not ask for it: checking fetches CRLs and OCSP answers from
     * the network, so it is opt-in.
     */
    public static final String NOT_ASKED = "not asked (--check-revocation, or checkRevocation: true)";

    public RevocationFacts {
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (checked == (notCheckedReason != null)) {
            throw new IllegalArgumentException("a reason goes with an unchecked status, and only with it");
        }
    }

    /** Revocation was not checked, for {@code reason}. */
    public static RevocationFacts notChecked(String reason) {
        return new RevocationFacts(false, Objects.requireNonNull(reason, "reason"), List.of(), 0, 0);
    }
}
