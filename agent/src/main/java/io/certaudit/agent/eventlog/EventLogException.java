package io.certaudit.agent.eventlog;

/** The event log or the event source registration refused a call; the message says which and why. */
public final class EventLogException extends Exception {
    private static final long serialVersionUID = 1L;

    public EventLogException(String message) {
        super(message);
    }

    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
