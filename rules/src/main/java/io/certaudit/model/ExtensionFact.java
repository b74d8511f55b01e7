package io.certaudit.model;

import java.util.Objects;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What a certificate says through one extension, in one of three states: the extension is {@link State#ABSENT},
 * {@link State#PRESENT} with its decoded {@code value}, or {@link State#UNDECODABLE} (present, but its bytes are not
 * what the extension's ASN.1 type allows) with the {@code reason}. Absent and undecodable can call for different
 * verdicts: an absent EKU allows every purpose, an undecodable one proves none.
 *
 * @param state  which of the three
 * @param value  the decoded value, non-null exactly when {@code state} is {@code PRESENT}
 * @param reason why it could not be decoded, non-null exactly when {@code state} is {@code UNDECODABLE}
 * @param <T>    the decoded value's type
 */
@NullMarked
public record ExtensionFact<T>(State state, @Nullable T value, @Nullable String reason) {

    /** The three states of an extension in a certificate. */
    public enum State {
        ABSENT, PRESENT, UNDECODABLE
    }

    private static final ExtensionFact<?> ABSENT = new ExtensionFact<>(State.ABSENT, null, null);

    public ExtensionFact {
        Objects.requireNonNull(state, "state");
        if ((value != null) != (state == State.PRESENT) || (reason != null) != (state == State.UNDECODABLE)) {
            throw new IllegalArgumentException("inconsistent extension fact: " + state + ", " + value + ", " + reason);
        }
    }

    /** The certificate does not carry the extension. */
    @SuppressWarnings("unchecked")
    public static <T> ExtensionFact<T> absent() {
        return (ExtensionFact<T>) ABSENT;
    }

    /** The certificate carries the extension and it decodes to {@code value}. */
    public static <T> ExtensionFact<T> present(T value) {
        return new ExtensionFact<>(State.PRESENT, Objects.requireNonNull(value, "value"), null);
    }

    /** The certificate carries the extension but its value cannot be decoded, for {@code reason}. */
    public static <T> ExtensionFact<T> undecodable(String reason) {
        return new ExtensionFact<>(State.UNDECODABLE, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isAbsent() {
        return state == State.ABSENT;
    }

    public boolean isPresent() {
        return state == State.PRESENT;
    }

    public boolean isUndecodable() {
        return state == State.UNDECODABLE;
    }

    /** The decoded value when present, else {@code otherwise}. */
    public T orElse(T otherwise) {
        T decoded = value;
        return decoded != null ? decoded : otherwise;
    }

    /** The decoded value when present, else {@code null}. */
    public @Nullable T orNull() {
        return value;
    }
}
