package io.certaudit.agent.capture;

/** A capture that cannot be audited: missing, too large, truncated, of another version, damaged or altered. */
public final class UnreadableCaptureException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableCaptureException(String message) {
        super(message);
    }
}
