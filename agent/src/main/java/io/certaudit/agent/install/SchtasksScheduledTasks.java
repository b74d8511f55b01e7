package io.certaudit.agent.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Task Scheduler through schtasks.exe (learn.microsoft.com/windows/win32/taskschd/schtasks):
 * {@code /Create /TN path /XML file /F} registers or replaces, {@code /Delete /TN path /F} removes, and
 * {@code /Query /TN path /V /FO CSV /NH} reads the state. schtasks is run by its full path under the Windows folder,
 * never found through PATH. For an account with a password, {@code /RU account /RP *} makes schtasks ask for it on
 * the console, so the password is never on a command line.
 */
public final class SchtasksScheduledTasks implements ScheduledTasks {

    private final CommandRunner runner;
    private final String schtasks;

    /** @param windowsFolder the SystemRoot folder, e.g. {@code C:\Windows} */
    public SchtasksScheduledTasks(CommandRunner runner, String windowsFolder) {
        this.runner = runner;
        this.schtasks = windowsFolder + "\\System32\\schtasks.exe";
    }

    /** The command that registers {@code task} from its XML in {@code xmlFile}. */
    public List<String> createCommand(TaskDefinition task, String xmlFile) {
        List<String> command = new ArrayList<>(List.of(schtasks, "/Create", "/TN", task.path(), "/XML", xmlFile,
                "/F"));
        if (task.account().promptsForPassword()) {
            command.addAll(List.of("/RU", task.account().userId(), "/RP", "*"));
        }
        return command;
    }

    public List<String> deleteCommand(String path) {
        return List.of(schtasks, "/Delete", "/TN", path, "/F");
    }

    public List<String> queryCommand(String path) {
        return List.of(schtasks, "/Query", "/TN", path, "/V", "/FO", "CSV", "/NH");
    }

    @Override
    public void register(TaskDefinition task) throws TaskSchedulerException {
        Path xml = null;
        try {
            xml = Files.createTempFile("certaudit-task-", ".xml");
            Files.write(xml, TaskXml.toFileBytes(task));
            CommandRunner.Result result = run(createCommand(task, xml.toString()),
                    task.account().promptsForPassword());
            if (result.exitCode() != 0) {
                throw new TaskSchedulerException("schtasks could not register " + task.path() + " (exit "
                        + result.exitCode() + "): " + result.message());
            }
        } catch (IOException e) {
            throw new TaskSchedulerException("cannot write the task definition for schtasks: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    Files.deleteIfExists(xml);
                } catch (IOException ignored) {
                    // A task definition left in the temporary folder holds no secret; nothing more to do.
                }
            }
        }
    }

    @Override
    public boolean delete(String path) throws TaskSchedulerException {
        if (query(path).isEmpty()) {
            return false;
        }
        CommandRunner.Result result = run(deleteCommand(path), false);
        if (result.exitCode() != 0) {
            throw new TaskSchedulerException("schtasks could not delete " + path + " (exit " + result.exitCode()
                    + "): " + result.message());
        }
        return true;
    }

    /** schtasks exits 1 and says so on standard error when there is no such task. */
    @Override
    public Optional<TaskState> query(String path) throws TaskSchedulerException {
        CommandRunner.Result result = run(queryCommand(path), false);
        if (result.exitCode() != 0) {
            return Optional.empty();
        }
        return SchtasksCsv.state(result.out());
    }

    private CommandRunner.Result run(List<String> command, boolean interactive) throws TaskSchedulerException {
        try {
            return runner.run(command, interactive);
        } catch (IOException e) {
            throw new TaskSchedulerException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskSchedulerException("interrupted while running " + command.get(0), e);
        }
    }
}
