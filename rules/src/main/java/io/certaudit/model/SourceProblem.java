package io.certaudit.model;

import java.util.Objects;

/**
 * Something a source could not read. Sources record problems instead of throwing, so one bad entry never
 * stops the audit; the {@code unreadable-certificate} rule turns each into a finding.
 *
 * @param store   the store the entry belonged to, or {@code null} when not known
 * @param origin  where it was read from: a file (with an offset where useful) or a store entry
 * @param message what was wrong, in words a support engineer can act on
 */
public record SourceProblem(StoreName store, String origin, String message) {
    public SourceProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }
}
