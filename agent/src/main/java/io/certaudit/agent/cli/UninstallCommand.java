package io.certaudit.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.AuditTask;
import io.certaudit.agent.install.TaskSchedulerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certaudit uninstall}: removes the scheduled task and the event source, and the output on request. */
@Command(name = "uninstall",
        header = "Remove the scheduled task and the event source (and, with --remove-output, the audit files).",
        description = {
            "Deletes the scheduled task and the 'certaudit' event source. With --remove-output it also deletes "
                + "audit.json and audit.previous.json from the output folder, and the folder when nothing else is "
                + "left in it. A task that is not there is not an error: uninstalling twice succeeds.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Removed, or nothing to remove.",
            "3:Not removed: not Windows, or Task Scheduler or the registry refused (the message says which)."})
public final class UninstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstalledTaskOptions task = new InstalledTaskOptions();

    @Option(names = "--remove-output", description = "Also delete the audit files and their folder.")
    private boolean removeOutput;

    private final Platform platform;

    public UninstallCommand(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Integer call() throws UsageException, TaskSchedulerException, EventLogException {
        if (!platform.windows()) {
            throw new UsageException("uninstall removes a Windows scheduled task and this is " + platform.osName());
        }
        String path = task.taskPath();
        PrintWriter out = spec.commandLine().getOut();
        out.println(platform.scheduledTasks().delete(path) ? "Deleted the task " + path + "."
                : "No task " + path + ": nothing to delete.");
        out.println(platform.eventLog().unregisterSource()
                ? "Removed the event source '" + WindowsEventLog.SOURCE + "' (past events stay in the log)."
                : "No event source '" + WindowsEventLog.SOURCE + "' registered.");
        if (removeOutput) {
            removeOutput(out, task.outputDirectory(platform));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Only the files the task writes are deleted: the folder may have been given as one that holds other things. */
    private static void removeOutput(PrintWriter out, Path folder) throws UsageException {
        try {
            for (String name : List.of(AuditTask.AUDIT_FILE, AuditTask.PREVIOUS_AUDIT_FILE)) {
                if (Files.deleteIfExists(folder.resolve(name))) {
                    out.println("Deleted " + folder.resolve(name) + ".");
                }
            }
            if (Files.isDirectory(folder)) {
                try {
                    Files.delete(folder);
                    out.println("Deleted the folder " + folder + ".");
                } catch (DirectoryNotEmptyException e) {
                    out.println("Left the folder " + folder + ": it holds other files.");
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot remove the audit files in " + folder + ": " + e.getMessage(), e);
        }
    }
}
