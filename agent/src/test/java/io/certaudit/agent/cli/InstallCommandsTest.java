package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.certaudit.agent.eventlog.FakeEventLog;
import io.certaudit.agent.install.AdministratorsOnly;
import io.certaudit.agent.install.AuditTask;
import io.certaudit.agent.install.FakeFileSecurity;
import io.certaudit.agent.install.FakeScheduledTasks;
import io.certaudit.agent.install.FileAcl;
import io.certaudit.agent.install.TaskDefinition;
import io.certaudit.agent.install.TaskState;
import io.certaudit.agent.install.TaskXml;
import io.certaudit.agent.install.WindowsCommandLine;

/** install, uninstall and status, on a Windows whose Task Scheduler and event log are fakes, and dry runs anywhere. */
class InstallCommandsTest {

    @TempDir
    Path dir;
    private FakeScheduledTasks tasks;
    private FakeEventLog events;
    private FakeFileSecurity files;
    private Platform windows;
    private Path jar;
    private Path output;
    /** Where install looks for the class-data sharing archive: beside the jar, joined as on Windows. */
    private String archive;
    /** Where the task loads the native signature engine from: beside the jar. */
    private String engine;

    /** A local account's SID: an ordinary user of the server. */
    private static final String USER = "S-1-5-21-1004336348-1177238915-682003330-1001";
    private static final String USERS = "S-1-5-32-545";
    private static final String JAVA = "C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe";

    @BeforeEach
    void fakeWindows() throws Exception {
        tasks = new FakeScheduledTasks();
        events = new FakeEventLog();
        files = new FakeFileSecurity();
        windows = TestPlatforms.windows(tasks, events, files, Map.of("ProgramData", dir.toString()));
        jar = Files.createFile(dir.resolve("certaudit.jar"));
        output = dir.resolve("out dir");
        archive = dir + "\\" + AuditTask.SHARING_ARCHIVE;
        files.missing.add(archive);
        engine = dir + "\\" + AuditTask.SIGNATURE_ENGINE_LIBRARY;
        files.missing.add(engine);
    }

    private CliRun install(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("install", "--jar", jar.toString(), "--output-dir",
                output.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(windows, args.toArray(String[]::new));
    }

    @Test
    void dryRunPrintsAValidTaskAndItsCommandsOnAnySystem() throws Exception {
        String config = "C:\\Program Files\\cert \"audit\"\\certaudit.yaml";
        CliRun run = CliRun.run(TestPlatforms.linux(), "install", "--dry-run", "--config", config, "--output-dir",
                "C:\\data dir\\", "--java", "C:\\Program Files\\Java\\bin\\java.exe", "--jar",
                "C:\\Program Files\\certaudit\\lib\\certaudit.jar", "--every-hours", "4", "--event-log");
        assertEquals(0, run.exitCode(), run::toString);
        String xml = run.out().substring(run.out().indexOf("<?xml"), run.out().indexOf("</Task>") + 7);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals(TaskXml.NAMESPACE, document.getDocumentElement().getNamespaceURI());
        assertEquals("PT4H", document.getElementsByTagNameNS(TaskXml.NAMESPACE, "Interval").item(0)
                .getTextContent());
        String arguments = document.getElementsByTagNameNS(TaskXml.NAMESPACE, "Arguments").item(0).getTextContent();
        assertTrue(arguments.contains(WindowsCommandLine.quote(config)), arguments);
        assertTrue(arguments.contains("\"json=C:\\data dir\\audit.json\""), arguments);
        assertTrue(run.out().contains("schtasks.exe /Create /TN \\certaudit /XML TASK.xml /F"), run.out());
        assertTrue(run.out().contains("\"C:\\Program Files\\Java\\bin\\java.exe\" "
                + String.join(" ", AuditTask.JVM_OPTIONS) + " \"-Djna.boot.library.path=C:\\Program Files\\certaudit\\lib\\"
                + "win32-x86-64;C:\\Program Files\\certaudit\\lib\\win32-aarch64\" -Djna.nounpack=true -Djna.nosys=true -jar"),
                run.out());
        assertFalse(run.out().contains("SharedArchiveFile"), "off Windows the archive cannot be checked: " + run.out());
        assertTrue(run.out().contains("Not checked off Windows"), run.out());
        assertTrue(run.out().contains("EventLog\\Application\\certaudit"), run.out());
        assertTrue(tasks.tasks.isEmpty() && !events.registered, "a dry run changes nothing");
    }

    @Test
    void aDryRunOffWindowsWithoutJavaAndJarRefusesRatherThanPrintThisSystemsPaths() {
        CliRun run = CliRun.run(TestPlatforms.linux(), "install", "--dry-run", "--jar", "C:\\certaudit\\certaudit.jar");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--java and --jar"), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertFalse(run.out().contains("/usr/lib/jvm"), run::toString);
    }

    @Test
    void installOffWindowsWithoutDryRunIsAUsageError() {
        CliRun run = CliRun.run(TestPlatforms.linux(), "install");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--dry-run"), run::toString);
    }

    @Test
    void installRegistersTheTaskTheFolderAndTheEventSourceAndInstallingAgainUpdates() {
        CliRun first = install();
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(Files.isDirectory(output));
        assertTrue(events.registered);
        TaskDefinition task = tasks.tasks.get("\\certaudit");
        assertEquals("S-1-5-18", task.account().userId());
        assertTrue(task.arguments().contains("json=" + output + "\\audit.json"), task.arguments()::toString);
        assertTrue(task.arguments().contains("--keep-previous"));
        assertFalse(task.arguments().contains("--event-log"));

        CliRun again = install("--every-hours", "12", "--event-log");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(1, tasks.tasks.size(), "one task, updated");
        assertEquals(2, tasks.registrations);
        assertEquals(12, tasks.tasks.get("\\certaudit").interval().toHours());
        assertTrue(tasks.tasks.get("\\certaudit").arguments().contains("--event-log"));
    }

    @Test
    void installRefusesWhatTheTaskCouldNotRun() {
        CliRun percent = install("--config", dir.resolve("%TEMP%.yaml").toString());
        assertEquals(3, percent.exitCode(), percent::toString);
        assertTrue(percent.err().contains("expand"), percent::toString);
        CliRun missing = install("--config", dir.resolve("absent.yaml").toString());
        assertEquals(3, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("does not exist"), missing::toString);
        CliRun hours = install("--every-hours", "0");
        assertEquals(3, hours.exitCode(), hours::toString);
        CliRun format = install("--output", "xml=C:\\x.xml");
        assertEquals(3, format.exitCode(), format::toString);
        assertTrue(tasks.tasks.isEmpty());
    }

    @Test
    void uninstallRemovesTheTaskAndTheSourceAndTwiceIsNotAnError() throws Exception {
        install();
        Files.writeString(output.resolve("audit.json"), "{}");
        Files.writeString(output.resolve("audit.previous.json"), "{}");
        CliRun first = CliRun.run(windows, "uninstall", "--remove-output", "--output-dir", output.toString());
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(tasks.tasks.isEmpty());
        assertFalse(events.registered);
        assertFalse(Files.exists(output), first.out());

        CliRun second = CliRun.run(windows, "uninstall");
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.out().contains("nothing to delete"), second.out());
    }

    @Test
    void uninstallLeavesAnOutputFolderThatHoldsOtherFiles() throws Exception {
        install();
        Files.writeString(output.resolve("audit.json"), "{}");
        Files.writeString(output.resolve("notes.txt"), "mine");
        CliRun run = CliRun.run(windows, "uninstall", "--remove-output", "--output-dir", output.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(Files.exists(output.resolve("audit.json")));
        assertTrue(Files.exists(output.resolve("notes.txt")));
    }

    @Test
    void statusShowsTheTaskAndTheLastAuditAndExitsWithItsCode() throws Exception {
        install();
        tasks.lastResult = 2L;
        Path example = Path.of("..", "examples", "bems-host");
        CliRun audit = CliRun.run("audit", "--source", example.toString(), "--config",
                example.resolve("certaudit.yaml").toString(), "--at", "2030-01-01", "--output",
                "json=" + output.resolve("audit.json"));
        assertEquals(2, audit.exitCode(), audit::toString);

        CliRun status = CliRun.run(windows, "status", "--output-dir", output.toString());
        assertEquals(2, status.exitCode(), status::toString);
        assertTrue(status.out().contains("Task \\certaudit: Ready, runs as SYSTEM"), status.out());
        assertTrue(status.out().contains("last result 2 (CRITICAL)"), status.out());
        assertTrue(status.out().contains("Event source 'certaudit': registered."), status.out());
        assertTrue(status.out().contains("CERTAUDIT CRITICAL - 1 error"), status.out());
        assertTrue(status.out().contains("ago."), status.out());
    }

    @Test
    void statusWithoutTaskOrAuditIsUnknown() {
        tasks.lastResult = TaskState.SCHED_S_TASK_HAS_NOT_RUN;
        CliRun status = CliRun.run(windows, "status");
        assertEquals(3, status.exitCode(), status::toString);
        assertTrue(status.out().contains("not installed"), status.out());
        assertTrue(status.out().contains("Last audit: none"), status.out());
    }

    private void assertRefused(CliRun run, String... expected) {
        assertEquals(3, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run);
        for (String text : expected) {
            assertTrue(run.err().contains(text), text + " in " + run);
        }
        assertTrue(tasks.tasks.isEmpty(), "nothing registered");
    }

    @Test
    void installRefusesAJavaThatOrdinaryUsersCanChange() {
        files.acls.put(JAVA, FakeFileSecurity.writableBy(AdministratorsOnly.ADMINISTRATORS, USERS));
        assertRefused(install(), JAVA, "can be changed by Users (S-1-5-32-545)", "SYSTEM, Administrators or "
                + "TrustedInstaller");
    }

    @Test
    void installRefusesAJdkFolderOrJarFolderOwnedByAUser() {
        files.acls.put("C:\\Program Files\\Eclipse Adoptium\\jdk-17", FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install(), "the JDK folder", "is owned by " + USER);

        files.acls.clear();
        files.acls.put(dir.toString(), FakeFileSecurity.writableBy(AdministratorsOnly.ADMINISTRATORS, USERS));
        assertRefused(install(), "the folder of the certaudit jar");
    }

    @Test
    void installRefusesAJarOrDispatchLibraryOthersCanChangeOrThatIsALink() {
        files.acls.put(jar.toString(), new FileAcl(AdministratorsOnly.ADMINISTRATORS, true, List.of(), false));
        assertRefused(install(), "the certaudit jar", "no access control list");

        files.acls.clear();
        String library = dir + "\\win32-x86-64\\jnidispatch.dll";
        files.acls.put(library, new FileAcl(AdministratorsOnly.ADMINISTRATORS, false, List.of(), true));
        assertRefused(install(), library, "is a link");

        files.acls.clear();
        files.missing.add(library);
        assertRefused(install(), library, "does not exist");
    }

    @Test
    void installRefusesASettingsFileOthersCanChange() throws Exception {
        Path config = Files.writeString(dir.resolve("certaudit.yaml"), "poolFqdn: pool.example.com\n");
        files.acls.put(config.toString(), FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install("--config", config.toString()), "the settings file", "is owned by " + USER);
    }

    @Test
    void theSharingArchiveIsNamedOnlyWhenItExistsAndOnlyAdministratorsCanChangeIt() {
        CliRun none = install();
        assertEquals(0, none.exitCode(), none::toString);
        assertTrue(tasks.tasks.get("\\certaudit").arguments().stream()
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile")));
        assertTrue(none.out().contains("No class-data sharing archive"), none.out());

        files.missing.remove(archive);
        CliRun safe = install();
        assertEquals(0, safe.exitCode(), safe::toString);
        assertTrue(tasks.tasks.get("\\certaudit").arguments().contains("-XX:SharedArchiveFile=" + archive));

        tasks.tasks.clear();
        files.acls.put(archive, FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install(), "class-data sharing archive", archive, "is owned by " + USER);
    }

    @Test
    void theNativeSignatureEngineMayBeAbsentButOneThatIsThereMustBeAdministratorsOnly() {
        CliRun absent = install();
        assertEquals(0, absent.exitCode(), absent::toString);

        files.missing.remove(engine);
        tasks.tasks.clear();
        CliRun safe = install();
        assertEquals(0, safe.exitCode(), safe::toString);

        tasks.tasks.clear();
        files.acls.put(engine, FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install(), "native signature engine", engine, "is owned by " + USER);
    }

    @Test
    void installCreatesTheOutputFolderForAdministratorsOnly() {
        CliRun run = install();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(files.created.contains(output.toString()), files.created::toString);
        assertTrue(Files.isDirectory(output));
        assertEquals(dir.toString(), tasks.tasks.get("\\certaudit").workingDirectory(),
                "the task runs in the install folder, not the output folder");
    }

    @Test
    void aTaskAccountOtherThanSystemMayWriteItsOutputFolder() {
        CliRun run = install("--run-as", "NETWORK SERVICE");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("S-1-5-20", files.writers.get(output.toString()));
        assertTrue(run.out().contains("and NETWORK SERVICE, which may write"), run.out());
        Path report = output.resolve("audit.json");
        try {
            Files.writeString(report, "{}");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        files.acls.put(report.toString(), new FileAcl("S-1-5-20", false, List.of(), false));
        CliRun again = install("--run-as", "NETWORK SERVICE");
        assertEquals(0, again.exitCode(), "its own reports are no reason to refuse: " + again);
        CliRun system = install();
        assertEquals(3, system.exitCode(), "as SYSTEM, NETWORK SERVICE's files are someone else's: " + system);
        files.acls.remove(report.toString());
        system = install();
        assertEquals(0, system.exitCode(), system::toString);
        assertEquals(null, files.writers.get(output.toString()), "SYSTEM is already there");
    }

    @Test
    void installResetsAnAdministratorsOutputFolderAndRefusesOneSomeoneElseOwnsOrALink() throws Exception {
        Files.createDirectories(output);
        files.acls.put(output.toString(), FakeFileSecurity.writableBy(AdministratorsOnly.ADMINISTRATORS, USERS));
        CliRun reset = install();
        assertEquals(0, reset.exitCode(), reset::toString);
        assertTrue(files.protectedFolders.contains(output.toString()));
        assertEquals(java.util.Optional.empty(), AdministratorsOnly.problem(files, output.toString()));

        tasks.tasks.clear();
        files.acls.put(output.toString(), FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install(), "output folder", "is owned by " + USER, "delete it");

        files.acls.put(output.toString(), new FileAcl(AdministratorsOnly.ADMINISTRATORS, false, List.of(), true));
        assertRefused(install(), "output folder", "is a link");
    }

    @Test
    void installRefusesAnOutputFolderHoldingWhatAUserPlantedThere() throws Exception {
        Files.createDirectories(output);
        Path planted = Files.writeString(output.resolve("certaudit.yaml"), "outputs: []\n");
        files.acls.put(planted.toString(), FakeFileSecurity.writableBy(USER, USER));
        assertRefused(install(), "holds " + planted, "owned by " + USER);
        assertTrue(files.protectedFolders.isEmpty(), "refused before anything changed");

        files.acls.put(planted.toString(), new FileAcl(AdministratorsOnly.ADMINISTRATORS, false, List.of(), true));
        assertRefused(install(), "holds " + planted, "a link");

        files.acls.remove(planted.toString());
        CliRun clean = install();
        assertEquals(0, clean.exitCode(), clean::toString);
    }

    @Test
    void statusOffWindowsDoesNotMixWindowsAndPosixSeparators() {
        CliRun status = CliRun.run(TestPlatforms.linux(), "status");
        assertEquals(3, status.exitCode(), status::toString);
        assertFalse(status.out().contains("\\certaudit/"), status.out());
        assertTrue(status.out().contains("--output-dir"), status.out());
    }

    @Test
    void statusWordsADamagedAuditAsReportDoes() throws Exception {
        Files.createDirectories(output);
        Files.writeString(output.resolve("audit.json"), "{\"schemaVersion\": \"1.0\", \"tool\": {\"name\": ");
        CliRun status = CliRun.run(windows, "status", "--output-dir", output.toString());
        assertEquals(3, status.exitCode(), status::toString);
        CliRun report = CliRun.run("report", output.resolve("audit.json").toString());
        assertFalse(status.out().contains("[Source:"), status.out());
        assertFalse(status.out().contains("through reference chain"), status.out());
        assertTrue(status.out().contains("is not JSON"), status.out());
        assertTrue(report.err().contains("is not JSON"), report::toString);
    }
}
