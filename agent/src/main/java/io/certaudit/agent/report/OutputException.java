package io.certaudit.agent.report;

/** A report could not be written where the user asked; the audit ends UNKNOWN (3) with this message. */
public final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
