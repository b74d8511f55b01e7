package io.certaudit.agent.install;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the scheduled task is: where it is registered, when it runs (every {@code interval} from
 * {@code startBoundary}, and at boot after {@code bootDelay}), as whom, and the one program it starts with its
 * arguments, each argument a separate string (quoting is {@link WindowsCommandLine}'s job).
 *
 * @param path            the task's path in Task Scheduler, e.g. {@code \certaudit}
 * @param startBoundary   local time from which the repetition counts; Task Scheduler reads a time without offset as
 *                        local time
 * @param executionLimit  how long a run may take before Task Scheduler stops it
 */
public record TaskDefinition(String path, String description, String version, LocalDateTime startBoundary,
                             Duration interval, Duration bootDelay, Duration executionLimit, RunAsAccount account,
                             String command, List<String> arguments, String workingDirectory) {

    /** Task Scheduler's bounds for a repetition interval (repetitionType: PT1M to P31D). */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(31);

    public TaskDefinition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(command, "command");
        arguments = List.copyOf(arguments);
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("the interval must be between 1 minute and 31 days: " + interval);
        }
    }

    /** The command line the task runs, as Task Scheduler will start it. */
    public String commandLine() {
        return WindowsCommandLine.quote(command) + (arguments.isEmpty() ? "" : " " + WindowsCommandLine.join(arguments));
    }
}
