package io.certaudit.agent.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

import io.certaudit.agent.eventlog.JnaWindowsEventLog;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.FileSecurity;
import io.certaudit.agent.install.ProcessCommandRunner;
import io.certaudit.agent.install.ScheduledTasks;
import io.certaudit.agent.install.SchtasksScheduledTasks;
import io.certaudit.agent.windows.LiveStores;
import io.certaudit.agent.windows.jna.JnaFileSecurity;
import io.certaudit.agent.windows.jna.JnaWindows;

/**
 * What the commands reach outside the process: the operating system, environment variables, the clock, the Windows
 * certificate stores, event log and Task Scheduler, file access control, and the Java and jar this command runs on. {@link #current} is the real machine;
 * tests build one with fakes.
 *
 * @param runningJar the certaudit jar this process was started from, or null when it runs from classes
 */
public record Platform(String osName, Function<String, String> environment, Clock clock, LiveStores liveStores,
                       WindowsEventLog eventLog, ScheduledTasks scheduledTasks, FileSecurity fileSecurity,
                       String javaExecutable, String runningJar) {

    /** This machine: the native services on Windows, stand-ins that explain their absence elsewhere. */
    public static Platform current(Function<String, String> environment) {
        String os = System.getProperty("os.name");
        boolean windows = os.toLowerCase(Locale.ROOT).startsWith("windows");
        String notHere = "this needs Windows (this is " + os + ")";
        String systemRoot = environment.apply("SystemRoot") == null ? "C:\\Windows" : environment.apply("SystemRoot");
        return new Platform(os, environment, Clock.systemUTC(),
                windows ? JnaWindows.liveStores() : LiveStores.unavailable(os),
                windows ? new JnaWindowsEventLog() : WindowsEventLog.unavailable("the Windows event log: " + notHere),
                windows ? new SchtasksScheduledTasks(new ProcessCommandRunner(), systemRoot)
                        : ScheduledTasks.unavailable("Task Scheduler: " + notHere),
                windows ? new JnaFileSecurity() : FileSecurity.unavailable("Windows file security: " + notHere),
                Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString(),
                jarOfThisCode());
    }

    public boolean windows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The folder for the audit's output by default: {@code %ProgramData%\certaudit}, expanded now. */
    public String defaultOutputDirectory() {
        String programData = environment.apply("ProgramData");
        return (programData == null ? "C:\\ProgramData" : programData) + "\\certaudit";
    }

    /** The computer's name for messages about a run that produced no report. */
    public String hostName() {
        String name = environment.apply("COMPUTERNAME");
        return name == null ? "this host" : name;
    }

    private static String jarOfThisCode() {
        CodeSource source = Platform.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
