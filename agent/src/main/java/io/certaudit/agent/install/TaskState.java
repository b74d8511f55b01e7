package io.certaudit.agent.install;

/**
 * A registered task as schtasks reports it. Times are shown as schtasks prints them (in the host's locale); the last
 * result is the exit code of the last run, or one of Task Scheduler's own codes.
 *
 * @param lastResult the "Last Result" column as a number, or null when it is not one
 */
public record TaskState(String path, String status, String nextRunTime, String lastRunTime, Long lastResult,
                        String runAs) {

    /** SCHED_S_TASK_RUNNING: the task is running now (learn.microsoft.com/windows/win32/taskschd/task-scheduler-error-and-success-constants). */
    public static final long SCHED_S_TASK_RUNNING = 0x00041301L;
    /** SCHED_S_TASK_HAS_NOT_RUN: the task has never run. */
    public static final long SCHED_S_TASK_HAS_NOT_RUN = 0x00041303L;

    /** The last result in words: the audit's exit codes by name, Task Scheduler's codes by meaning. */
    public String lastResultMeaning() {
        if (lastResult == null) {
            return "unknown";
        }
        long code = lastResult;
        if (code == SCHED_S_TASK_HAS_NOT_RUN) {
            return "has not run yet";
        }
        if (code == SCHED_S_TASK_RUNNING) {
            return "running now";
        }
        return switch ((int) code) {
            case 0 -> "0 (OK)";
            case 1 -> "1 (WARNING)";
            case 2 -> "2 (CRITICAL)";
            case 3 -> "3 (UNKNOWN: the audit could not run)";
            default -> String.format("0x%08X (not an audit exit code: the task could not start the audit)", code);
        };
    }
}
