package io.certaudit.agent.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
        Instant plain = plainUtcSecond(text);
        if (plain != null) {
            return plain;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The instant of {@code uuuu-MM-ddTHH:mm:ssZ}, the form the report writes, when every field is in its usual range;
     * {@code null} for anything else, which {@link Instant#parse} then reads (or refuses). The same instant as that
     * parse, without its formatter: renderers ask for thousands of dates.
     */
    static Instant plainUtcSecond(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
