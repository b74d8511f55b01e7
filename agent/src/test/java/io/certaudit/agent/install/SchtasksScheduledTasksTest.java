package io.certaudit.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SchtasksScheduledTasksTest {

    /** Records each command and answers from a script; reads the task XML while it still exists. */
    static final class ScriptedRunner implements CommandRunner {
        final List<List<String>> commands = new ArrayList<>();
        final List<Boolean> interactive = new ArrayList<>();
        final List<Result> answers = new ArrayList<>();
        byte[] xmlSeen;

        @Override
        public Result run(List<String> command, boolean interactiveRun) throws java.io.IOException {
            commands.add(command);
            interactive.add(interactiveRun);
            int xml = command.indexOf("/XML");
            if (xml >= 0) {
                xmlSeen = Files.readAllBytes(Path.of(command.get(xml + 1)));
            }
            return answers.isEmpty() ? new Result(0, "", "") : answers.remove(0);
        }
    }

    static final String ROW = "\"BEMS01\",\"\\certaudit\",\"21/11/2026 18:00:00\",\"Ready\",\"Interactive/Background\","
            + "\"21/11/2026 12:00:02\",\"2\",\"certaudit\",\"\"\"C:\\Program Files\\Java\\bin\\java.exe\"\" -jar x\","
            + "\"C:\\ProgramData\\certaudit\",\"Audits, with a comma\",\"Enabled\",\"Disabled\",\"\",\"SYSTEM\","
            + "\"Disabled\",\"01:00:00\",\"Scheduling data is not available in this format.\",\"At system start up\","
            + "\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\"";

    @Test
    void registersFromATemporaryUtf16FileAndRemovesIt() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        SchtasksScheduledTasks tasks = new SchtasksScheduledTasks(runner, "C:\\Windows");
        TaskDefinition task = TaskXmlTest.audit(RunAsAccount.SYSTEM, null, "C:\\out").definition();
        tasks.register(task);
        List<String> command = runner.commands.get(0);
        assertEquals(List.of("C:\\Windows\\System32\\schtasks.exe", "/Create", "/TN", "\\certaudit", "/XML"),
                command.subList(0, 5));
        assertEquals("/F", command.get(6), "replaces an existing task: installing twice updates it");
        assertEquals(7, command.size(), "no account or password for SYSTEM");
        assertFalse(runner.interactive.get(0));
        assertEquals((byte) 0xFF, runner.xmlSeen[0]);
        assertFalse(Files.exists(Path.of(command.get(5))), "the temporary task file is removed");
    }

    @Test
    void aNamedAccountMakesSchtasksAskForThePasswordOnTheConsole() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        TaskDefinition task = TaskXmlTest.audit(RunAsAccount.parse("CONTOSO\\auditor"), null, "C:\\out").definition();
        new SchtasksScheduledTasks(runner, "C:\\Windows").register(task);
        List<String> command = runner.commands.get(0);
        assertEquals(List.of("/RU", "CONTOSO\\auditor", "/RP", "*"), command.subList(7, 11));
        assertTrue(runner.interactive.get(0));
    }

    @Test
    void aRefusalCarriesSchtasksMessage() {
        ScriptedRunner runner = new ScriptedRunner();
        runner.answers.add(new CommandRunner.Result(1, "", "ERROR: Access is denied.\r\n"));
        TaskDefinition task = TaskXmlTest.audit(RunAsAccount.SYSTEM, null, "C:\\out").definition();
        TaskSchedulerException refused = assertThrows(TaskSchedulerException.class,
                () -> new SchtasksScheduledTasks(runner, "C:\\Windows").register(task));
        assertTrue(refused.getMessage().contains("Access is denied"), refused.getMessage());
    }

    @Test
    void queryReadsTheStateByColumnPosition() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        runner.answers.add(new CommandRunner.Result(0, ROW + "\r\n" + ROW.replace("At system start up", "Hourly")
                + "\r\n", ""));
        Optional<TaskState> state = new SchtasksScheduledTasks(runner, "C:\\Windows").query("\\certaudit");
        assertEquals(List.of("C:\\Windows\\System32\\schtasks.exe", "/Query", "/TN", "\\certaudit", "/V", "/FO",
                "CSV", "/NH"), runner.commands.get(0));
        TaskState task = state.orElseThrow();
        assertEquals("Ready", task.status());
        assertEquals("21/11/2026 12:00:02", task.lastRunTime());
        assertEquals(2L, task.lastResult());
        assertEquals("2 (CRITICAL)", task.lastResultMeaning());
        assertEquals("SYSTEM", task.runAs());
    }

    @Test
    void deletingAMissingTaskIsNotAnErrorAndRunsNoDelete() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        runner.answers.add(new CommandRunner.Result(1, "", "ERROR: The system cannot find the file specified."));
        assertFalse(new SchtasksScheduledTasks(runner, "C:\\Windows").delete("\\certaudit"));
        assertEquals(1, runner.commands.size());
    }

    @Test
    void deletingAnInstalledTaskForcesIt() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        runner.answers.add(new CommandRunner.Result(0, ROW, ""));
        assertTrue(new SchtasksScheduledTasks(runner, "C:\\Windows").delete("\\certaudit"));
        assertEquals(List.of("C:\\Windows\\System32\\schtasks.exe", "/Delete", "/TN", "\\certaudit", "/F"),
                runner.commands.get(1));
    }

    @Test
    void taskSchedulerCodesAreNamed() {
        TaskState neverRun = new TaskState("\\certaudit", "Ready", "", "N/A", TaskState.SCHED_S_TASK_HAS_NOT_RUN, "SYSTEM");
        assertEquals("has not run yet", neverRun.lastResultMeaning());
        assertTrue(new TaskState("\\certaudit", "Ready", "", "", 0x80070002L, "SYSTEM").lastResultMeaning()
                .startsWith("0x80070002"));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsAMissingTaskQueriesAsAbsent() throws Exception {
        SchtasksScheduledTasks tasks = new SchtasksScheduledTasks(new ProcessCommandRunner(),
                System.getenv().getOrDefault("SystemRoot", "C:\\Windows"));
        assertTrue(tasks.query("\\certaudit-test-absent-" + ProcessHandle.current().pid()).isEmpty());
    }
}
