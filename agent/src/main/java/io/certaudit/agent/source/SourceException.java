package io.certaudit.agent.source;

/**
 * The source cannot be read at all; the audit cannot run. The message is shown to the user as is, so it says
 * what was wrong and what to do instead.
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
