package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    /** Whatever the text, the instant is the one {@link Instant#parse} reads, or none when it refuses the text. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T12:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
            "2023-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
            "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00+01:00",
            "2026-01-01 00:00:00Z", "2026-1-01T00:00:00Z", "+2026-01-01T00:00:00Z", "2026-01-01T0a:00:00Z",
            "\u0662\u0660\u0662\u0666-01-01T00:00:00Z", "", "not a date"})
    void readsWhatInstantParseReads(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertEquals(expected, Dates.parse(text));
        Instant plain = Dates.plainUtcSecond(text);
        if (plain != null) {
            assertNotNull(expected);
            assertEquals(expected, plain);
        }
    }
}
