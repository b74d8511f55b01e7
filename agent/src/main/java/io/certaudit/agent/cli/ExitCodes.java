package io.certaudit.agent.cli;

/** Exit codes in the monitoring-plugin convention; listed in {@code --help}. */
public final class ExitCodes {

    /** No warning or error finding. */
    public static final int OK = 0;
    /** Warnings, no errors. */
    public static final int WARNING = 1;
    /** At least one error. */
    public static final int CRITICAL = 2;
    /** The audit could not run: bad usage, missing source, unwritable output. */
    public static final int UNKNOWN = 3;

    private ExitCodes() {
    }
}
