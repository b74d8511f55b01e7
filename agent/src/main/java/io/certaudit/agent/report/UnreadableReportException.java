package io.certaudit.agent.report;

/** A file given as a saved audit is not one this version can render: not JSON, not a report, or a newer major. */
public final class UnreadableReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableReportException(String message, Throwable cause) {
        // The message quotes the file's own content: one line, nothing a terminal acts on.
        super(SafeText.line(message), cause);
    }
}
