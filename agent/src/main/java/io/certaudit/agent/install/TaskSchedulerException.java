package io.certaudit.agent.install;

/** Task Scheduler refused a call, or could not be reached; the message says what schtasks said. */
public final class TaskSchedulerException extends Exception {
    private static final long serialVersionUID = 1L;

    public TaskSchedulerException(String message) {
        super(message);
    }

    public TaskSchedulerException(String message, Throwable cause) {
        super(message, cause);
    }
}
