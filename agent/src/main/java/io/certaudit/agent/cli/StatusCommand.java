package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.AuditTask;
import io.certaudit.agent.install.TaskSchedulerException;
import io.certaudit.agent.install.TaskState;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportReader;
import io.certaudit.agent.report.StatusLine;
import io.certaudit.agent.report.UnreadableReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certaudit status}: the scheduled task, its last run, and the last audit it wrote. */
@Command(name = "status",
        header = "Show the scheduled task, its last run and result, and the last audit's status.",
        description = {
            "Shows the scheduled task (state, last and next run, last result, account), whether the event source is "
                + "registered, and the status line of the last audit in the output folder with its age. Exits with "
                + "that audit's code, so it also works as a monitoring check; 3 when there is no readable audit.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The last audit was OK.",
            "1:The last audit had warnings.",
            "2:The last audit had errors.",
            "3:No readable audit in the output folder, or bad usage."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstalledTaskOptions task = new InstalledTaskOptions();

    private final Platform platform;

    public StatusCommand(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Integer call() throws UsageException {
        String path = task.taskPath();
        PrintWriter out = spec.commandLine().getOut();
        out.println(taskLine(path));
        out.println(eventSourceLine());
        if (!platform.windows() && !task.outputDirectoryGiven()) {
            out.println("Last audit: no default output folder on " + platform.osName() + " (the task's is "
                    + platform.defaultOutputDirectory() + " on Windows); give --output-dir DIR.");
            out.flush();
            return ExitCodes.UNKNOWN;
        }
        Path audit = task.outputDirectory(platform)
                .resolve(AuditTask.AUDIT_FILE);
        int code = auditLines(out, audit);
        out.flush();
        return code;
    }

    private String taskLine(String path) {
        if (!platform.windows()) {
            return "Task " + path + ": Task Scheduler is not on this system (" + platform.osName() + ").";
        }
        try {
            Optional<TaskState> state = platform.scheduledTasks().query(path);
            if (state.isEmpty()) {
                return "Task " + path + ": not installed ('certaudit install' registers it).";
            }
            TaskState task = state.get();
            return "Task " + path + ": " + task.status() + ", runs as " + task.runAs() + "; last run "
                    + task.lastRunTime() + ", last result " + task.lastResultMeaning() + "; next run "
                    + task.nextRunTime() + ".";
        } catch (TaskSchedulerException e) {
            return "Task " + path + ": cannot be read: " + e.getMessage();
        }
    }

    private String eventSourceLine() {
        if (!platform.windows()) {
            return "Event source '" + WindowsEventLog.SOURCE + "': no event log on this system.";
        }
        try {
            return "Event source '" + WindowsEventLog.SOURCE + "': "
                    + (platform.eventLog().isSourceRegistered() ? "registered." : "not registered.");
        } catch (EventLogException e) {
            return "Event source '" + WindowsEventLog.SOURCE + "': cannot be read: " + e.getMessage();
        }
    }

    private int auditLines(PrintWriter out, Path file) {
        if (!Files.isRegularFile(file)) {
            out.println("Last audit: none at " + file + ".");
            return ExitCodes.UNKNOWN;
        }
        ReportReader.SavedAudit saved;
        try {
            // Anyone who could write the folder could have written this file: read it as the report command does.
            saved = ReportReader.readChecked(file);
        } catch (UnreadableReportException e) {
            out.println("Last audit: " + e.getMessage());
            return ExitCodes.UNKNOWN;
        }
        AuditReport report = saved.report();
        out.println("Last audit (" + file + "): " + StatusLine.of(report));
        saved.corrections().forEach(correction -> out.println("  not as written: " + correction + "."));
        try {
            Duration age = Duration.between(Instant.parse(String.valueOf(report.generatedAt())),
                    platform.clock().instant());
            out.println("  written " + report.generatedAt() + ", " + describe(age) + " ago.");
        } catch (DateTimeParseException e) {
            out.println("  written at an unreadable time: " + report.generatedAt());
        }
        return report.exitCode();
    }

    private static String describe(Duration age) {
        if (age.isNegative()) {
            return "0 minutes";
        }
        long hours = age.toHours();
        return hours >= 48 ? age.toDays() + " days" : hours >= 1 ? hours + " hours" : age.toMinutes() + " minutes";
    }
}
