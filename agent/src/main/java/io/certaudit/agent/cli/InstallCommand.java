package io.certaudit.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.AuditTask;
import io.certaudit.agent.install.RunAsAccount;
import io.certaudit.agent.install.SchtasksScheduledTasks;
import io.certaudit.agent.install.TaskDefinition;
import io.certaudit.agent.install.TaskSchedulerException;
import io.certaudit.agent.install.TaskXml;
import io.certaudit.agent.install.WindowsCommandLine;
import io.certaudit.agent.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certaudit install}: registers the scheduled audit, its output folder and its event source. */
@Command(name = "install",
        header = "Register a scheduled task that audits this host every few hours and at boot.",
        description = {
            "Registers (or, when it exists, replaces) a Windows scheduled task that runs 'certaudit audit' every N "
                + "hours and at boot, as SYSTEM or the account given, writing the JSON audit to OUTPUT-DIR\\audit.json "
                + "(the previous run kept as audit.previous.json) and exiting with the audit's code, which Task "
                + "Scheduler shows as the last run result. Also creates the output folder and registers the "
                + "'certaudit' event source in the Application log. Run it from an elevated prompt. Installing again "
                + "updates the task. --dry-run prints the task XML and the commands instead, on any system.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Installed (or, with --dry-run, printed).",
            "3:Not installed: bad usage, not Windows, or Task Scheduler refused (its message is shown)."})
public final class InstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--every-hours", paramLabel = "N", defaultValue = "6",
            description = "Run the audit every N hours (1 to 744; default 6), and at boot.")
    private int everyHours;

    @Option(names = "--run-as", paramLabel = "ACCOUNT",
            description = "The account the task runs as: SYSTEM (default), 'LOCAL SERVICE', 'NETWORK SERVICE', a "
                    + "group managed service account DOMAIN\\name$ (no password needed), or DOMAIN\\user (schtasks "
                    + "asks for the password).")
    private String runAs;

    @Option(names = "--config", paramLabel = "FILE", description = "The settings file the scheduled audit uses.")
    private String config;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where the audit is written: DIR\\audit.json and DIR\\audit.previous.json (default: the "
                    + "certaudit folder in ProgramData).")
    private String outputDirectory;

    @Option(names = "--output", paramLabel = "FORMAT=FILE",
            description = "A further report each run writes, e.g. prometheus=C:\\Program Files\\windows_exporter\\"
                    + "textfile_inputs\\certaudit.prom; repeat for several.")
    private List<String> extraOutputs = new ArrayList<>();

    @Option(names = "--event-log",
            description = "Each run also writes one event to the Application log (source certaudit).")
    private boolean eventLog;

    @Option(names = "--task-name", paramLabel = "NAME", defaultValue = AuditTask.DEFAULT_NAME,
            description = "The task's name in the Task Scheduler library (default certaudit).")
    private String taskName;

    @Option(names = "--java", paramLabel = "FILE",
            description = "The java.exe the task runs (default: the Java running this command).")
    private String java;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The certaudit jar the task runs (default: the jar running this command).")
    private String jar;

    @Option(names = "--dry-run", description = "Print the task XML and the commands; change nothing.")
    private boolean dryRun;

    private final Platform platform;

    public InstallCommand(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Integer call() throws UsageException, TaskSchedulerException, EventLogException {
        if (!dryRun && !platform.windows()) {
            throw new UsageException("install registers a Windows scheduled task and this is " + platform.osName()
                    + "; 'certaudit install --dry-run' prints what it would register");
        }
        AuditTask audit = auditTask();
        TaskDefinition task = audit.definition();
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            printPlan(out, audit, task);
            return ExitCodes.OK;
        }
        if (audit.config() != null && !Files.isRegularFile(Path.of(audit.config()))) {
            throw new UsageException("--config " + audit.config() + " does not exist");
        }
        if (!Files.isRegularFile(Path.of(audit.jar()))) {
            throw new UsageException("--jar " + audit.jar() + " is not a file");
        }
        try {
            Files.createDirectories(Path.of(audit.outputDirectory()));
        } catch (IOException e) {
            throw new UsageException("cannot create the output folder " + audit.outputDirectory() + ": "
                    + e.getMessage(), e);
        }
        platform.eventLog().registerSource();
        platform.scheduledTasks().register(task);
        out.println("Registered " + task.path() + ": runs every " + everyHours + " hour" + (everyHours == 1 ? "" : "s")
                + " and at boot as " + audit.account().displayName() + ".");
        out.println("The audit is written to " + audit.auditFile() + " (the previous one kept as "
                + audit.previousAuditFile() + ").");
        out.println("Event source '" + WindowsEventLog.SOURCE + "' registered"
                + (eventLog ? "; each run writes one event." : "; add --event-log to write an event per run."));
        out.println("'certaudit status' shows the last run; 'schtasks /Run /TN " + task.path() + "' runs it now.");
        out.flush();
        return ExitCodes.OK;
    }

    private AuditTask auditTask() throws UsageException {
        if (everyHours < 1 || everyHours > Duration.ofDays(31).toHours()) {
            throw new UsageException("--every-hours must be 1 to 744 (Task Scheduler repeats at most every 31 days), "
                    + "not " + everyHours);
        }
        for (String output : extraOutputs) {
            int equals = output.indexOf('=');
            if (equals <= 0 || ReportFormat.fromLabel(output.substring(0, equals)).isEmpty()) {
                throw new UsageException("--output " + output + ": write FORMAT=FILE, FORMAT one of json, text, "
                        + "prometheus, ndjson");
            }
        }
        String javaExecutable = java != null ? java : platform.javaExecutable();
        String jarFile = jar != null ? jar : platform.runningJar();
        if (jarFile == null) {
            throw new UsageException("this certaudit does not run from its jar; give --jar FILE (the distribution's "
                    + "lib\\certaudit.jar)");
        }
        try {
            return new AuditTask(AuditTask.pathOf(taskName), Duration.ofHours(everyHours), RunAsAccount.parse(runAs),
                    absolute(config), absolute(outputDirectory != null ? outputDirectory
                            : platform.defaultOutputDirectory()),
                    extraOutputs, eventLog, absolute(javaExecutable), absolute(jarFile), VersionProvider.version(),
                    LocalDate.now(platform.clock().withZone(ZoneId.systemDefault())).atStartOfDay());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** On Windows a relative path is made absolute now: the task does not run in this folder. */
    private String absolute(String path) {
        if (path == null || !platform.windows()) {
            return path;
        }
        return Path.of(path).toAbsolutePath().toString();
    }

    private void printPlan(PrintWriter out, AuditTask audit, TaskDefinition task) {
        SchtasksScheduledTasks schtasks = new SchtasksScheduledTasks(null, "%SystemRoot%");
        out.println("Task " + task.path() + " (Task Scheduler XML, saved as UTF-16 for schtasks /XML):");
        out.println();
        out.println(TaskXml.toXml(task).stripTrailing());
        out.println();
        out.println("Install would:");
        out.println("  create the folder " + audit.outputDirectory());
        out.println("  register the event source HKLM\\" + WindowsEventLog.SOURCE_KEY + " (EventMessageFile "
                + WindowsEventLog.MESSAGE_FILE + ")");
        out.println("  run: " + WindowsCommandLine.join(schtasks.createCommand(task, "TASK.xml")));
        out.println();
        out.println("The task runs, every " + everyHours + " hour" + (everyHours == 1 ? "" : "s") + " and at boot, as "
                + audit.account().displayName() + ":");
        out.println("  " + task.commandLine());
        out.flush();
    }
}
