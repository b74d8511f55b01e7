package io.certaudit.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.AdministratorsOnly;
import io.certaudit.agent.install.AuditTask;
import io.certaudit.agent.install.FileAcl;
import io.certaudit.agent.install.FileSecurity;
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
                + "updates the task. --dry-run prints the task XML and the commands instead; off Windows it needs "
                + "--java and --jar, the Windows paths the task would run.",
            "",
            "The task runs as SYSTEM, so install refuses unless java.exe, its JDK folder, the jar, its folder and "
                + "the JNA dispatch libraries beside it (and the settings file and its folder) are owned and "
                + "changeable only by SYSTEM, Administrators or TrustedInstaller; lib\\certaudit.jsa is given to "
                + "Java only when it exists and passes the same check. The output folder gets a protected DACL "
                + "(SYSTEM and Administrators full control, the task's account modify, Users read); one owned by "
                + "anyone but Administrators or SYSTEM is refused.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Installed (or, with --dry-run, printed).",
            "3:Not installed: bad usage, not Windows, a file the task would run that others can change, an output "
                + "folder owned by someone else, or Task Scheduler refused (its message is shown)."})
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

    /** A drive-letter path (C:\\...) or a UNC path (\\\\server\\share...). */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile(
            "[A-Za-z]:[\\\\/]|\\\\\\\\");

    private final Platform platform;

    public InstallCommand(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Integer call() throws UsageException, TaskSchedulerException, EventLogException {
        if (!dryRun && !platform.windows()) {
            throw new UsageException("install registers a Windows scheduled task and this is " + platform.osName()
                    + "; 'certaudit install --dry-run --java FILE --jar FILE' prints what it would register");
        }
        if (!platform.windows() && (java == null || jar == null)) {
            throw new UsageException("a dry run on " + platform.osName() + " needs --java and --jar: the Windows "
                    + "paths of the java.exe and certaudit.jar the task would run (this system's own are not "
                    + "Windows paths)");
        }
        AuditTask audit = auditTask();
        if (platform.windows()) {
            requireAdministratorsOnly(audit.config() == null ? programFiles(audit) : withConfig(programFiles(audit),
                    audit.config(), audit.outputDirectory()));
            audit = withSharingArchive(audit);
            requireSafeSignatureEngine(audit);
        }
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
        String folderChange = prepareOutputFolder(audit.outputDirectory(), audit.account());
        platform.eventLog().registerSource();
        platform.scheduledTasks().register(task);
        out.println("Registered " + task.path() + ": runs every " + everyHours + " hour" + (everyHours == 1 ? "" : "s")
                + " and at boot as " + audit.account().displayName() + ".");
        out.println("The audit is written to " + audit.auditFile() + " (the previous one kept as "
                + audit.previousAuditFile() + "); " + folderChange + ".");
        out.println(audit.sharingArchive() != null ? "Java starts with the class-data sharing archive "
                + audit.sharingArchive() + "." : "No class-data sharing archive (" + audit.sharingArchiveBesideJar()
                + " is not there); see README.txt to make one.");
        out.println("Event source '" + WindowsEventLog.SOURCE + "' registered"
                + (eventLog ? "; each run writes one event." : "; add --event-log to write an event per run."));
        out.println("'certaudit status' shows the last run; 'schtasks /Run /TN " + task.path() + "' runs it now.");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * What the task runs, by what it is called in messages: java.exe, its bin folder and JDK folder, the jar and its
     * folder, and JNA's dispatch libraries with their folders. Anyone who can change one of them runs code as SYSTEM.
     */
    private static Map<String, String> programFiles(AuditTask audit) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(audit.java(), "the Java the task runs");
        String bin = parent(audit.java());
        if (bin != null) {
            files.put(bin, "the folder of the Java the task runs");
            String jdk = parent(bin);
            if (jdk != null) {
                files.put(jdk, "the JDK folder of the Java the task runs");
            }
        }
        files.put(audit.jar(), "the certaudit jar the task runs");
        files.put(audit.installFolder(), "the folder of the certaudit jar");
        for (String library : audit.dispatchLibraries()) {
            files.put(parent(library), "the folder of JNA's dispatch library");
            files.put(library, "JNA's dispatch library, which the task loads");
        }
        return files;
    }

    /**
     * The settings file is read by SYSTEM too: whoever can change it chooses what the audit writes where. Its folder
     * is checked unless it is the output folder, which install makes administrators-only before registering.
     */
    private static Map<String, String> withConfig(Map<String, String> files, String config, String outputFolder) {
        files.put(config, "the settings file the task reads");
        String folder = parent(config);
        if (folder != null && !stripSeparator(folder).equalsIgnoreCase(stripSeparator(outputFolder))) {
            files.putIfAbsent(folder, "the folder of the settings file the task reads");
        }
        return files;
    }

    private static String stripSeparator(String folder) {
        return folder.endsWith("\\") || folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    private void requireAdministratorsOnly(Map<String, String> files) throws UsageException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Optional<String> problem = AdministratorsOnly.problem(platform.fileSecurity(), file.getKey());
            if (problem.isPresent() && problem.get().equals(AdministratorsOnly.MISSING)) {
                throw new UsageException("not installed: " + file.getKey() + " (" + file.getValue() + ") does not "
                        + "exist");
            }
            if (problem.isPresent()) {
                throw new UsageException("not installed: " + file.getKey() + " (" + file.getValue() + ") "
                        + problem.get() + "; the task runs as " + (runAs == null ? "SYSTEM" : runAs) + ", so only "
                        + "SYSTEM, Administrators or TrustedInstaller may own or change it (install Java and "
                        + "certaudit under C:\\Program Files)");
            }
        }
    }

    /**
     * The native signature engine's library is optional (without it the audit verifies in Java and its report says
     * so), but one that is there is loaded into the task's process: it must be as protected as the jar.
     */
    private void requireSafeSignatureEngine(AuditTask audit) throws UsageException {
        String library = audit.signatureEngineLibrary();
        Optional<String> problem = AdministratorsOnly.problem(platform.fileSecurity(), library);
        if (problem.isPresent() && !problem.get().equals(AdministratorsOnly.MISSING)) {
            throw new UsageException("not installed: the native signature engine " + library + " " + problem.get()
                    + "; the task would load it as " + (runAs == null ? "SYSTEM" : runAs) + ", so only SYSTEM, "
                    + "Administrators or TrustedInstaller may own or change it");
        }
    }

    /**
     * The task with the class-data sharing archive beside the jar when it is there and only administrators can
     * change it. Java would run the classes of a planted archive with the genuine jar (JDK 17 checks only the jar's
     * path, size and modification time), so an archive that fails the check is refused, not skipped silently.
     */
    private AuditTask withSharingArchive(AuditTask audit) throws UsageException {
        String archive = audit.sharingArchiveBesideJar();
        Optional<String> problem = AdministratorsOnly.problem(platform.fileSecurity(), archive);
        if (problem.isPresent() && problem.get().equals(AdministratorsOnly.MISSING)) {
            return audit;
        }
        if (problem.isPresent()) {
            throw new UsageException("not installed: the class-data sharing archive " + archive + " "
                    + problem.get() + "; Java would run the classes it holds as SYSTEM: delete it (README.txt "
                    + "says how to make one as an administrator) and install again");
        }
        return new AuditTask(audit.path(), audit.interval(), audit.account(), audit.config(), audit.outputDirectory(),
                audit.extraOutputs(), audit.eventLog(), audit.java(), audit.jar(), audit.version(),
                audit.startBoundary(), archive);
    }

    /**
     * Makes the output folder administrators-only: created with the protected DACL when it is missing, reset to it
     * when an administrator or SYSTEM owns it, refused when anyone else does (they may have planted a config,
     * a forged audit or links in it) or when it is a link.
     *
     * @return what was done, for the summary
     */
    private String prepareOutputFolder(String folder, RunAsAccount account) throws UsageException {
        FileSecurity security = platform.fileSecurity();
        String writer = account.equals(RunAsAccount.SYSTEM) ? null : account.userId();
        String who = "SYSTEM and Administrators" + (writer == null ? "" : " (and " + account.displayName()
                + ", which may write)");
        try {
            FileAcl acl;
            try {
                acl = security.read(folder);
            } catch (NoSuchFileException e) {
                Path parent = Path.of(folder).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                security.createProtectedFolder(folder, writer);
                return "created " + folder + " for " + who + "; Users may read";
            }
            if (acl.reparsePoint()) {
                throw new UsageException("not installed: the output folder " + folder + " is a link (symbolic link "
                        + "or junction); give a real folder, or delete the link and install again");
            }
            if (!AdministratorsOnly.SYSTEM.equals(acl.owner())
                    && !AdministratorsOnly.ADMINISTRATORS.equals(acl.owner())) {
                throw new UsageException("not installed: the output folder " + folder + " is owned by "
                        + ownerName(acl.owner()) + ", not Administrators or SYSTEM, and may hold files its owner "
                        + "planted; delete it and install again (install creates it for administrators only)");
            }
            refuseForeignEntries(security, folder, writer == null ? null : security.sidOf(writer));
            security.protectFolder(folder, writer);
            return "its folder's permissions are set to " + who + "; Users may read";
        } catch (IOException e) {
            throw new UsageException("not installed: cannot make the output folder " + folder + " administrators-"
                    + "only: " + e.getMessage(), e);
        }
    }

    /**
     * An existing output folder may have inherited ProgramData's permissions, under which any user can create files
     * and folders in it and owns what they create (an owner may always change its ACL). Resetting the folder's DACL
     * does not take those back, so a folder holding anything a user owns, or a link, is refused. What the task's own
     * account ({@code writerSid}, when it is not SYSTEM) wrote there is its reports.
     */
    private static void refuseForeignEntries(FileSecurity security, String folder, String writerSid)
            throws UsageException, IOException {
        List<Path> entries;
        try (var listing = Files.list(Path.of(folder))) {
            entries = listing.limit(10_000).toList();
        }
        for (Path entry : entries) {
            FileAcl acl;
            try {
                acl = security.read(entry.toString());
            } catch (NoSuchFileException e) {
                continue;
            }
            boolean trustedOwner = acl.owner() != null && (AdministratorsOnly.TRUSTED.contains(acl.owner())
                    || acl.owner().equals(writerSid));
            if (acl.reparsePoint() || !trustedOwner) {
                throw new UsageException("not installed: the output folder " + folder + " holds " + entry
                        + (acl.reparsePoint() ? ", a link," : ", owned by " + ownerName(acl.owner()) + ",")
                        + " which someone other than an administrator put there; delete it (or the folder) and "
                        + "install again");
            }
        }
    }

    private static String ownerName(String sid) {
        return sid == null ? "nobody" : sid;
    }

    /** The folder holding {@code path}, split at either separator, or null at the top. */
    private static String parent(String path) {
        int end = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        if (end <= 0) {
            return null;
        }
        return path.substring(0, end == 2 && path.charAt(1) == ':' ? 3 : end);
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
                    LocalDate.now(platform.clock().withZone(ZoneId.systemDefault())).atStartOfDay(), null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** On Windows a relative path is made absolute now: the task does not run in this folder. */
    private String absolute(String path) {
        if (path == null || !platform.windows() || WINDOWS_ABSOLUTE.matcher(path).lookingAt()) {
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
        out.println("  create the folder " + audit.outputDirectory() + " for SYSTEM and Administrators (Users may "
                + "read), or set an existing one owned by Administrators or SYSTEM so; refuse one owned by anyone "
                + "else");
        out.println("  register the event source HKLM\\" + WindowsEventLog.SOURCE_KEY + " (EventMessageFile "
                + WindowsEventLog.MESSAGE_FILE + ")");
        out.println("  run: " + WindowsCommandLine.join(schtasks.createCommand(task, "TASK.xml")));
        out.println();
        out.println("The task runs, every " + everyHours + " hour" + (everyHours == 1 ? "" : "s") + " and at boot, as "
                + audit.account().displayName() + ":");
        out.println("  " + task.commandLine());
        if (!platform.windows()) {
            out.println();
            out.println("Not checked off Windows: install also refuses unless java.exe, its JDK folder, the jar, its "
                    + "folder and JNA's dispatch libraries are owned and changeable only by SYSTEM, Administrators or "
                    + "TrustedInstaller, and names " + audit.sharingArchiveBesideJar() + " only when it exists and "
                    + "passes that check.");
        }
        out.flush();
    }
}
