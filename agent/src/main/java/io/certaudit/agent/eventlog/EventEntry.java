package io.certaudit.agent.eventlog;

import java.util.Objects;

import io.certaudit.agent.report.SafeText;

/** One event as it goes to the log: its type, its id and its one insertion string. */
public record EventEntry(EventType type, int eventId, String message) {

    /**
     * ReportEventW limits each insertion string to 31,839 characters (learn.microsoft.com/windows/win32/api/
     * winbase/nf-winbase-reporteventw, lpStrings: "Each string is limited to 31,839 characters"); longer messages
     * are cut with a pointer to the report. One less than that limit, so the terminating NUL fits whichever way the
     * limit counts it.
     */
    public static final int MAX_MESSAGE_CHARS = 31_838;

    public EventEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (eventId < 0 || eventId > 0xFFFF) {
            throw new IllegalArgumentException("event ids are 16-bit: " + eventId);
        }
        // Line feeds are the event's own layout; every other control or bidirectional formatting character and any
        // unpaired surrogate is replaced, whoever built the text.
        message = SafeText.keepingLineFeeds(message);
        if (message.length() > MAX_MESSAGE_CHARS) {
            String tail = "\n... (cut: the full audit is in the JSON report)";
            int end = MAX_MESSAGE_CHARS - tail.length();
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            message = message.substring(0, end) + tail;
        }
    }
}
