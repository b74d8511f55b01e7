package io.certaudit.agent.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instants as the report carries them (ISO-8601 text) and as people read them. A report read from a file may hold a
 * date that does not parse; it is then shown as written rather than failing the whole rendering.
 */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** The instant, or {@code null} when {@code text} is missing or not ISO-8601. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2027-06-01}, or the text as written when it does not parse. */
    public static String day(String text) {
        Instant instant = parse(text);
        return instant == null ? SafeText.line(text) : DAY.format(instant);
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** {@code 2027-06-01 12:00 UTC}, or the text as written when it does not parse. */
    public static String minute(String text) {
        Instant instant = parse(text);
        return instant == null ? SafeText.line(text) : MINUTE.format(instant);
    }

    /** Whole days from {@code from} to {@code to}, negative when {@code to} is earlier; rounded towards zero. */
    public static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    /** {@code in 30 days}, {@code today}, {@code 3 days ago}. */
    public static String relative(long days) {
        if (days == 0) {
            return "today";
        }
        long magnitude = Math.abs(days);
        String span = magnitude + (magnitude == 1 ? " day" : " days");
        return days > 0 ? "in " + span : span + " ago";
    }
}
