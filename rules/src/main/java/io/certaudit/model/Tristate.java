package io.certaudit.model;

/** A fact a source may know to be true, know to be false, or not know. Rules never guess an UNKNOWN. */
public enum Tristate {
    YES, NO, UNKNOWN;

    public static Tristate of(boolean value) {
        return value ? YES : NO;
    }

    /** {@code true}, {@code false} or {@code null} for unknown, as the JSON report carries it. */
    public Boolean toBoolean() {
        return this == UNKNOWN ? null : this == YES;
    }

    public static Tristate fromBoolean(Boolean value) {
        return value == null ? UNKNOWN : of(value);
    }
}
