package io.certaudit.agent.install;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.certaudit.agent.relaunch.TunedJvm;

/**
 * The scheduled audit as the administrator asked for it, and the task that runs it: Java started directly on the
 * certaudit jar (no batch file in between, so cmd.exe never re-reads the arguments), the audit written as JSON to
 * {@code outputDirectory\audit.json} keeping the previous run, plus any other outputs, with the audit's exit code as
 * the task's last result.
 *
 * <p>Task Scheduler expands {@code %VARIABLE%} in a task's command, arguments and working directory
 * (learn.microsoft.com/windows/win32/taskschd/taskschedulerschema-exec-actiongroup-element), and there is no way to
 * escape a percent sign there; a value holding one is refused rather than let it turn into something else. Control
 * characters, which no Windows path holds, are refused too. Everything else, spaces and quotes included, is quoted
 * by {@link WindowsCommandLine}.
 *
 * <p>The task runs as SYSTEM, so nothing it loads may come from a place other users can write. JNA would unpack its
 * native dispatch library into {@code java.io.tmpdir\jna-<hash of the user name>}, for SYSTEM C:\Windows\Temp,
 * where any user can create that folder first and swap the DLL before it is loaded. So the task tells JNA to load
 * the copies the distribution ships beside the jar ({@code lib\win32-x86-64\jnidispatch.dll},
 * {@code lib\win32-aarch64\jnidispatch.dll}: {@code jna.boot.library.path}, a list JNA tries in order, skipping a
 * DLL of the other architecture), never to unpack ({@code jna.nounpack}) and never to search the system path
 * ({@code jna.nosys}); without those DLLs JNA fails rather than falling back to a temporary copy. Property names
 * from JNA's Native.loadNativeDispatchLibrary.
 *
 * @param path            the task's path, {@code \certaudit} by default
 * @param config          the settings file, or null
 * @param extraOutputs    further {@code FORMAT=FILE} outputs, as {@code audit --output} takes them
 * @param startBoundary   the local time the repetition counts from
 * @param sharingArchive  the class-data sharing archive the JVM is given, or null for none; {@code install} names
 *                        it only when it exists and only administrators can change it, because the JVM runs the
 *                        classes in an archive it accepts (JDK 17 checks only the jar's path, size and time)
 */
public record AuditTask(String path, Duration interval, RunAsAccount account, String config, String outputDirectory,
                        List<String> extraOutputs, boolean eventLog, String java, String jar, String version,
                        LocalDateTime startBoundary, String sharingArchive) {

    public static final String DEFAULT_NAME = "certaudit";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
    /** Services the audit reads settle in the first minutes after boot. */
    public static final Duration BOOT_DELAY = Duration.ofMinutes(2);
    /** An audit reads three stores; an hour means something is stuck. */
    public static final Duration EXECUTION_LIMIT = Duration.ofHours(1);
    public static final String AUDIT_FILE = "audit.json";
    public static final String PREVIOUS_AUDIT_FILE = "audit.previous.json";
    /** The class-data sharing archive's name, beside the jar. */
    public static final String SHARING_ARCHIVE = "certaudit.jsa";
    /**
     * The native signature engine's library (Conscrypt's BoringSSL for x86-64 Windows), shipped beside the jar and
     * loaded from there only. Optional: without it signatures are verified in Java.
     */
    public static final String SIGNATURE_ENGINE_LIBRARY = "conscrypt_openjdk_jni-windows-x86_64.dll";
    /** JNA's dispatch library, shipped beside the jar in one folder per Windows architecture JNA supports. */
    public static final String DISPATCH_LIBRARY = "jnidispatch.dll";
    /** The folders, beside the jar, that hold {@link #DISPATCH_LIBRARY}: JNA's names for x86-64 and ARM64. */
    public static final List<String> DISPATCH_LIBRARY_FOLDERS = List.of("win32-x86-64", "win32-aarch64");

    private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

    public AuditTask {
        extraOutputs = List.copyOf(extraOutputs);
        requireSafe("--output-dir", outputDirectory);
        requireSafe("--java", java);
        requireSafe("--jar", jar);
        if (sharingArchive != null) {
            requireSafe("the class-data sharing archive", sharingArchive);
        }
        if (config != null) {
            requireSafe("--config", config);
        }
        for (String output : extraOutputs) {
            requireSafe("--output", output);
        }
    }

    /** {@code \name} for a task name of letters, digits, spaces, dots, dashes and underscores. */
    public static String pathOf(String name) {
        if (name == null || !TASK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("task name '" + name + "': use letters, digits, spaces, '.', '-' "
                    + "and '_' (up to 100), starting with a letter or digit");
        }
        return "\\" + name;
    }

    /** Where the JSON audit lands. */
    public String auditFile() {
        return inFolder(outputDirectory, AUDIT_FILE);
    }

    /** Where the previous run's JSON audit is kept. */
    public String previousAuditFile() {
        return inFolder(outputDirectory, PREVIOUS_AUDIT_FILE);
    }

    /**
     * The JVM options the launchers and the benchmark use (C1 only, the parallel collector with a fixed young
     * generation: one short batch on few cores), from {@code certaudit.jvmOptions} in the parent pom, so the
     * scheduled audit runs as measured. They carry the marker that tells the jar it runs tuned already, so the task
     * never starts a second JVM.
     */
    public static final List<String> JVM_OPTIONS = TunedJvm.options();

    /**
     * The class-data sharing archive beside the jar ({@code lib\certaudit.jsa}), which the distribution's README.txt
     * tells how to make; {@code install} names it in the task only when it is there and passes its checks.
     */
    public String sharingArchiveBesideJar() {
        return inFolder(installFolder(), SHARING_ARCHIVE);
    }

    /** Where the task's Java loads the native signature engine from: {@link #SIGNATURE_ENGINE_LIBRARY} beside the jar. */
    public String signatureEngineLibrary() {
        return inFolder(installFolder(), SIGNATURE_ENGINE_LIBRARY);
    }

    /** The folder that holds the jar: the administrators-only install folder, and the task's working directory. */
    public String installFolder() {
        int folderEnd = Math.max(jar.lastIndexOf('\\'), jar.lastIndexOf('/'));
        if (folderEnd < 0) {
            return ".";
        }
        // A drive's root keeps its backslash: "C:\\", not the drive-relative "C:".
        return jar.substring(0, folderEnd == 2 && jar.charAt(1) == ':' ? 3 : folderEnd);
    }

    /** The JNA dispatch libraries the task loads, one per architecture, beside the jar. */
    public List<String> dispatchLibraries() {
        return DISPATCH_LIBRARY_FOLDERS.stream()
                .map(folder -> inFolder(inFolder(installFolder(), folder), DISPATCH_LIBRARY)).toList();
    }

    /** The JVM options that make JNA load its dispatch library from the install folder and never unpack one. */
    public List<String> jnaOptions() {
        String folders = String.join(";", DISPATCH_LIBRARY_FOLDERS.stream()
                .map(folder -> inFolder(installFolder(), folder)).toList());
        return List.of("-Djna.boot.library.path=" + folders, "-Djna.nounpack=true", "-Djna.nosys=true");
    }

    /** The arguments of the audit after {@code java}, one string each. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(JVM_OPTIONS);
        arguments.addAll(jnaOptions());
        if (sharingArchive != null) {
            arguments.add("-XX:SharedArchiveFile=" + sharingArchive);
        }
        arguments.addAll(List.of("-jar", jar, "audit"));
        if (config != null) {
            arguments.addAll(List.of("--config", config));
        }
        arguments.addAll(List.of("--output", "json=" + auditFile(), "--keep-previous"));
        for (String output : extraOutputs) {
            arguments.addAll(List.of("--output", output));
        }
        if (eventLog) {
            arguments.add("--event-log");
        }
        return arguments;
    }

    public TaskDefinition definition() {
        return new TaskDefinition(path, "Audits the certificate stores this host's mutual TLS services rely on "
                + "(certaudit) and writes the result to " + auditFile() + "; the last run result is the audit's "
                + "exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.", version, startBoundary, interval, BOOT_DELAY,
                EXECUTION_LIMIT, account, java, arguments(), installFolder());
    }

    /** {@code folder\name}, with one backslash between them whatever {@code folder} ends with. */
    static String inFolder(String folder, String name) {
        return folder.endsWith("\\") || folder.endsWith("/") ? folder + name : folder + "\\" + name;
    }

    private static void requireSafe(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is empty");
        }
        if (value.indexOf('%') >= 0) {
            throw new IllegalArgumentException(option + " '" + value + "' holds a '%': Task Scheduler would expand "
                    + "%NAME% in it when the task runs, and a percent sign cannot be escaped there; use a path "
                    + "without '%'");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException(option + " holds a control character");
        }
    }
}
