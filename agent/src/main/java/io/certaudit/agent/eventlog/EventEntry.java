package io.certaudit.agent.eventlog;

import java.util.Objects;

/** One event as it goes to the log: its type, its id and its one insertion string. */
public record EventEntry(EventType type, int eventId, String message) {

    /**
     * ReportEventW limits each insertion string to 31,839 characters (learn.microsoft.com/windows/win32/api/
     * winbase/nf-winbase-reporteventw, lpStrings); longer messages are cut with a pointer to the report.
     */
    public static final int MAX_MESSAGE_CHARS = 31_839;

    public EventEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (eventId < 0 || eventId > 0xFFFF) {
            throw new IllegalArgumentException("event ids are 16-bit: " + eventId);
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            String tail = "\n... (cut: the full audit is in the JSON report)";
            message = message.substring(0, MAX_MESSAGE_CHARS - tail.length()) + tail;
        }
    }
}
