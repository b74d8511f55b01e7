package io.certaudit.agent.cli;

/** A user's mistake (a bad option value, an unreadable config file): shown as a message, exit UNKNOWN (3). */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
