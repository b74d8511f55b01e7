package io.certaudit.model;

import java.util.Objects;

/**
 * What one REG_DWORD value of the registry held, as a source read it: a value, known absent (the key was read and
 * has no such value, so Windows uses its default), or unreadable (present with another type, or the read failed),
 * when the source cannot say what Windows makes of it.
 *
 * @param state  which of the three it is
 * @param value  the value as an unsigned 32-bit number; 0 unless {@link State#VALUE}
 * @param detail why the value could not be read, or {@code null}
 */
public record RegistryDword(State state, long value, String detail) {

    /** Whether the value was there and readable. */
    public enum State {
        /** The key was read and holds the value as a REG_DWORD. */
        VALUE,
        /** The key was read and has no value of that name: Windows applies its default. */
        ABSENT,
        /** The value is there but not a REG_DWORD, or could not be read: what Windows makes of it is unknown. */
        UNREADABLE
    }

    public RegistryDword {
        Objects.requireNonNull(state, "state");
        if (state == State.VALUE && (value < 0 || value > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("a REG_DWORD is an unsigned 32-bit number: " + value);
        }
        if (state != State.VALUE && value != 0) {
            throw new IllegalArgumentException("only a present value has a value");
        }
        if ((state == State.UNREADABLE) != (detail != null)) {
            throw new IllegalArgumentException("an unreadable value, and only one, says why");
        }
    }

    /** A value the key holds. */
    public static RegistryDword of(long value) {
        return new RegistryDword(State.VALUE, value, null);
    }

    /** A value the key does not hold. */
    public static RegistryDword absent() {
        return new RegistryDword(State.ABSENT, 0, null);
    }

    /** A value that is there but could not be read as a REG_DWORD, and why. */
    public static RegistryDword unreadable(String why) {
        return new RegistryDword(State.UNREADABLE, 0, Objects.requireNonNull(why, "why"));
    }

    /** {@code 1}, {@code absent} or {@code unreadable (why)}: how evidence and reports show it. */
    public String describe() {
        return switch (state) {
            case VALUE -> Long.toString(value);
            case ABSENT -> "absent";
            case UNREADABLE -> "unreadable (" + detail + ")";
        };
    }
}
