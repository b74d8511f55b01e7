package io.certaudit.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What reading one user's Personal store gave: the live source reads the current user's and the service account's,
 * only to find a service certificate imported there instead of into LocalMachine\MY.
 *
 * @param store         the store, e.g. {@code CurrentUser\MY} or {@code Services\GoodTechnology\MY}
 * @param outcome       whether it was read
 * @param certificates  how many certificates it gave (before an enumeration failure, if any)
 * @param reason        the Windows error that kept it from being read, absent or read to its end; {@code null} when
 *                      it was read
 * @param entryProblems per certificate thumbprint, why that entry could not be used (undecodable, a malformed
 *                      store property)
 */
public record UserStoreRead(String store, Outcome outcome, int certificates, String reason,
                            Map<String, String> entryProblems) {

    /** How reading a user store ended. */
    public enum Outcome {
        /** Read to its end. */
        READ,
        /** The store does not exist: a user's store exists only while its profile is loaded. */
        ABSENT,
        /** The store exists and could not be opened. */
        NOT_READABLE,
        /** Opened, and enumerating it failed part-way. */
        READ_PARTIALLY
    }

    public UserStoreRead {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.READ) != (reason == null)) {
            throw new IllegalArgumentException("a reason exactly when the store was not read to its end");
        }
        entryProblems = Collections.unmodifiableMap(new LinkedHashMap<>(
                entryProblems == null ? Map.of() : entryProblems));
    }

    /** Whether the audit may have missed certificates of this store that exists: it could not read it to its end. */
    public boolean unreadable() {
        return outcome == Outcome.NOT_READABLE || outcome == Outcome.READ_PARTIALLY;
    }

    /** The read's result in words, as the report shows it. */
    public String describe() {
        return switch (outcome) {
            case READ -> "read, " + certificates + " certificate(s)";
            case ABSENT -> "absent (" + reason + "); a user's store exists only while its profile is loaded";
            case NOT_READABLE -> "not readable: " + reason;
            case READ_PARTIALLY -> "not readable to its end: enumerating it failed after " + certificates
                    + " certificate(s) with " + reason;
        };
    }
}
