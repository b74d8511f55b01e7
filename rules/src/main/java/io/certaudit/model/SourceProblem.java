package io.certaudit.model;

import java.util.Objects;

/**
 * Something a source could not read. Sources record problems instead of throwing, so one bad entry never
 * stops the audit; the {@code unreadable-certificate} rule turns each into a finding.
 *
 * @param store   the store the entry belonged to, or {@code null} when not known
 * @param origin  where it was read from: a file (with an offset where useful) or a store entry
 * @param message what was wrong, in words a support engineer can act on
 * @param kind    what could not be read: one entry (the default), or a whole store
 */
public record SourceProblem(StoreName store, String origin, String message, Kind kind) {

    /** What a problem concerns. */
    public enum Kind {
        /** One entry (or one of its properties) could not be read; the rest of the store was. */
        ENTRY,
        /** The store does not exist. */
        STORE_ABSENT,
        /** The store exists but could not be opened. */
        STORE_UNREADABLE,
        /** The store was opened but enumerating it failed before its end: some certificates may be missing. */
        STORE_READ_PARTIALLY
    }

    public SourceProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        kind = kind == null ? Kind.ENTRY : kind;
    }

    /** A problem with one entry. */
    public SourceProblem(StoreName store, String origin, String message) {
        this(store, origin, message, Kind.ENTRY);
    }
}
