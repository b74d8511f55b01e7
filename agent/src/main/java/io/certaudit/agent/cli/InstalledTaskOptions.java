package io.certaudit.agent.cli;

import java.nio.file.Path;

import io.certaudit.agent.install.AuditTask;
import picocli.CommandLine.Option;

/** Which installed task and output folder {@code uninstall} and {@code status} look at. */
public final class InstalledTaskOptions {

    @Option(names = "--task-name", paramLabel = "NAME", defaultValue = AuditTask.DEFAULT_NAME,
            description = "The task's name (default certaudit).")
    private String taskName;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "The output folder given to install (default: the certaudit folder in ProgramData).")
    private String outputDirectory;

    /** The task's full path in Task Scheduler. */
    String taskPath() throws UsageException {
        try {
            return AuditTask.pathOf(taskName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The output folder given, or the platform's default. */
    Path outputDirectory(Platform platform) {
        return Path.of(outputDirectory != null ? outputDirectory : platform.defaultOutputDirectory());
    }

    /** Whether the folder was given; off Windows there is no default (%ProgramData% is a Windows folder). */
    boolean outputDirectoryGiven() {
        return outputDirectory != null;
    }
}
