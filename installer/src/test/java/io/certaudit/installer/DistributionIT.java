package io.certaudit.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.cli.ConfigFile;

/** The zip {@code mvn package} leaves in installer/target holds what the README promises, and it runs. */
class DistributionIT {

    private static final String ROOT = System.getProperty("certaudit.distribution.root") + "/";
    private static Path zip;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void read() throws IOException {
        zip = Path.of(System.getProperty("certaudit.distribution"));
        assertTrue(Files.isRegularFile(zip), "the distribution is built: " + zip);
        entries = new HashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static String text(String name) {
        byte[] bytes = entries.get(ROOT + name);
        assertNotNull(bytes, name + " is in the distribution; it holds " + entries.keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void holdsTheLaunchersTheJarTheSampleConfigTheCatalogueTheSchemaAndTheReadme() {
        for (String name : List.of("bin/certaudit.cmd", "bin/certaudit", "lib/certaudit.jar",
                "config/certaudit.sample.yaml", "docs/rules.md", "docs/cli.md", "schema/audit-report.v1.json",
                "README.txt")) {
            assertTrue(entries.containsKey(ROOT + name), name + " missing from " + entries.keySet());
        }
        assertTrue(text("docs/rules.md").contains("root-store-non-self-signed"));
        assertTrue(text("docs/cli.md").contains("## certaudit install"));
        assertTrue(text("schema/audit-report.v1.json").contains("\"$schema\""));
    }

    @Test
    void carriesTheLicenceAndEveryBundledLibraryWithItsLicence() throws IOException {
        assertTrue(text("LICENSE").contains("Apache License") && text("LICENSE").contains("Version 2.0"));
        String notice = text("THIRD-PARTY.txt");
        // Every library inside the jar is named with a licence compatible with Apache-2.0, and nothing else is.
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(
                entries.get(ROOT + "lib/certaudit.jar")))) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                String name = entry.getName();
                for (String[] library : new String[][] {{"org/bouncycastle/", "org.bouncycastle:bcprov-jdk18on"},
                        {"com/fasterxml/jackson/databind/", "com.fasterxml.jackson.core:jackson-databind"},
                        {"org/yaml/snakeyaml/", "org.yaml:snakeyaml"}, {"picocli/", "info.picocli:picocli"},
                        {"com/sun/jna/platform/", "net.java.dev.jna:jna-platform"},
                        {"org/conscrypt/", "org.conscrypt:conscrypt-openjdk-uber"}}) {
                    if (name.startsWith(library[0])) {
                        assertTrue(notice.contains(library[1] + ":"), library[1] + " missing from: " + notice);
                    }
                }
            }
        }
        for (String line : notice.lines().filter(l -> l.strip().startsWith("Licence:")).toList()) {
            assertTrue(line.contains("Apache-2.0") || line.contains("Bouncy Castle Licence (MIT)"), line);
        }
        assertFalse(notice.contains("io.certaudit:"), "certaudit is not its own third party: " + notice);
    }

    @Test
    void windowsFilesHaveCrlfLineEndsAndThePosixLauncherLfOnly() {
        String cmd = text("bin/certaudit.cmd");
        assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "CRLF throughout");
        assertTrue(cmd.contains("-cp \"%CERTAUDIT_JAR%\" io.certaudit.agent.cli.Main %*"), cmd);
        assertTrue(cmd.contains("set \"CERTAUDIT_JAR=%CERTAUDIT_HOME%\\lib\\certaudit.jar\""), cmd);
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), "the exit code reaches Task Scheduler");
        assertFalse(text("bin/certaudit").contains("\r"));
        assertTrue(text("README.txt").contains("\r\n"));
    }

    @Test
    void theLaunchersRunTheJvmAsTheBenchmarkMeasuredIt() {
        for (String launcher : List.of("bin/certaudit", "bin/certaudit.cmd")) {
            String text = text(launcher);
            assertTrue(text.contains("-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn64m "), launcher + ": " + text);
            assertTrue(text.contains(" -Dcertaudit.jvm=tuned "), "the jar runs the audit in this JVM: " + text);
            assertTrue(text.contains("-Djna.nounpack=true -Djna.nosys=true"), launcher + ": " + text);
            assertTrue(text.contains("-Xlog:disable -Xlog:all=warning:stderr"), launcher + ": " + text);
            assertTrue(text.contains("certaudit.jsa"), launcher + ": " + text);
        }
    }

    @Test
    void theJarIsTheRunnableCommand() throws IOException {
        try (JarInputStream jar = new JarInputStream(new java.io.ByteArrayInputStream(
                entries.get(ROOT + "lib/certaudit.jar")))) {
            assertEquals("io.certaudit.agent.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals(System.getProperty("certaudit.version"),
                    jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
    }

    @Test
    void theNativeSignatureLibrariesShipBesideTheJarNeverInsideIt() throws IOException {
        for (String name : List.of("lib/conscrypt_openjdk_jni-windows-x86_64.dll",
                "lib/libconscrypt_openjdk_jni-linux-x86_64.so")) {
            assertTrue(entries.containsKey(ROOT + name), name + " missing from " + entries.keySet());
        }
        try (JarInputStream jar = new JarInputStream(new java.io.ByteArrayInputStream(
                entries.get(ROOT + "lib/certaudit.jar")))) {
            for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                assertFalse(entry.getName().startsWith("META-INF/native/"), entry.getName());
            }
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
    void theUnpackedDistributionVerifiesWithTheNativeLibraryFromItsLibFolder(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        Path launcher = dir.resolve(ROOT + "bin/certaudit");
        assertTrue(launcher.toFile().setExecutable(true));
        Path report = dir.resolve("audit.json");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder process = new ProcessBuilder(launcher.toString(), "audit", "--source",
                Path.of("..", "examples", "bems-host").toAbsolutePath().normalize().toString(),
                "--output", "json=" + report).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Nothing may be unpacked into a temporary folder: give the JVM an empty one and look into it after.
        process.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        Process audit = process.start();
        audit.getOutputStream().close();
        int exit = audit.waitFor();
        assertTrue(exit <= 2, "exit " + exit);
        var engines = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile())
                .path("signatureEngines");
        assertTrue(engines.path(0).path("engine").asText().startsWith("BoringSSL"), engines.toString());
        assertTrue(engines.path(0).path("unavailableReason").isNull(), engines.toString());
        assertTrue(engines.path(0).path("verifications").asLong() > 0, engines.toString());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void theSampleConfigIsAcceptedAsItShips(@TempDir Path dir) throws Exception {
        Path sample = Files.write(dir.resolve("certaudit.yaml"), entries.get(ROOT + "config/certaudit.sample.yaml"));
        ConfigFile config = ConfigFile.load(sample);
        assertEquals("bemsapppool.example.com", config.poolFqdn());
        assertEquals(2, config.instanceFqdns().size());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theUnpackedPosixLauncherRunsTheCommand(@TempDir Path dir) throws Exception {
        Path launcher = unpack(dir);
        Process process = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.startsWith("certaudit " + System.getProperty("certaudit.version")), output);
    }

    @Test
    void theZipsOneFolderIsCertauditAsTheInstallStepsSay() {
        assertEquals("certaudit/", ROOT);
        assertTrue(entries.keySet().stream().allMatch(name -> name.startsWith("certaudit/")), entries::toString);
        String readme = text("README.txt");
        assertTrue(readme.contains("Unpack the zip into C:\\Program Files: its one folder becomes "
                + "C:\\Program Files\\certaudit"), readme);
    }

    @Test
    void theReadmeNeverPutsTheSettingsIntoProgramDataBeforeInstallCreatesIt() {
        for (String line : text("README.txt").split("\r\n")) {
            assertFalse(line.contains("C:\\ProgramData\\certaudit\\certaudit.yaml"), line);
            assertFalse(line.matches("(?i).*\\bcopy\\b.*ProgramData.*"), line);
        }
        assertTrue(text("README.txt").contains("install --config \"C:\\Program Files\\certaudit\\config\\"
                + "certaudit.yaml\""));
    }

    @Test
    void jnasDispatchLibrariesShipInTheInstallFolderAsJnaBuiltThem() throws IOException {
        for (String architecture : List.of("win32-x86-64", "win32-aarch64")) {
            byte[] shipped = entries.get(ROOT + "lib/" + architecture + "/jnidispatch.dll");
            assertNotNull(shipped, architecture + " missing from " + entries.keySet());
            // Read as a resource of JNA's jar: loading JNA's classes would load (and here unpack) the library.
            try (InputStream jna = DistributionIT.class.getClassLoader()
                    .getResourceAsStream("com/sun/jna/" + architecture + "/jnidispatch.dll")) {
                assertNotNull(jna, "JNA has a dispatch library for " + architecture);
                assertTrue(java.util.Arrays.equals(jna.readAllBytes(), shipped), architecture);
            }
        }
    }

    @Test
    void theWindowsLauncherLoadsJnaFromTheInstallFolderAndNeverRunsABareJava() {
        String cmd = text("bin/certaudit.cmd");
        assertTrue(cmd.contains("\"-Djna.boot.library.path=%CERTAUDIT_HOME%\\lib\\win32-x86-64;"
                + "%CERTAUDIT_HOME%\\lib\\win32-aarch64\" -Djna.nounpack=true -Djna.nosys=true"), cmd);
        for (String line : cmd.split("\r\n")) {
            String code = line.strip();
            if (code.regionMatches(true, 0, "rem", 0, 3)) {
                continue;
            }
            assertFalse(code.matches("(?i)\"?java(\\.exe)?\"?(\\s.*)?"), "a bare java: " + line);
            assertFalse(code.matches("(?i)set \"?CERTAUDIT_JAVA=\"?java(\\.exe)?\"?"), "a bare java: " + line);
        }
        assertTrue(cmd.contains("\"%CERTAUDIT_JAVA%\" -Xlog:disable"), cmd);
        assertTrue(cmd.lines().filter(line -> line.startsWith(">&2 echo certaudit: ")).count() >= 4,
                "each launcher failure is one line on standard error");
        assertTrue(cmd.contains("exit /b 3"), cmd);
    }

    /** The distribution unpacked into {@code dir}, with the POSIX launcher executable. */
    private static Path unpack(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        Path launcher = dir.resolve(ROOT + "bin/certaudit");
        assertTrue(launcher.toFile().setExecutable(true));
        return launcher;
    }

    /** Runs {@code command} with {@code javaHome} as JAVA_HOME (none when null); exit code and combined output. */
    private static Map.Entry<Integer, String> run(String javaHome, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (javaHome == null) {
            builder.environment().remove("JAVA_HOME");
        } else {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Map.entry(process.waitFor(), output);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void thePosixLauncherWorksThroughASymbolicLinkOnPath(@TempDir Path dir) throws Exception {
        Path launcher = unpack(dir);
        Path bin = Files.createDirectories(dir.resolve("usr-local-bin"));
        Path link = Files.createSymbolicLink(bin.resolve("certaudit"), bin.relativize(launcher));
        Map.Entry<Integer, String> run = run(System.getProperty("java.home"), link.toString(), "--version");
        assertEquals(0, run.getKey(), run.getValue());
        assertTrue(run.getValue().startsWith("certaudit " + System.getProperty("certaudit.version")), run.getValue());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void everyPosixLauncherFailureIsOneLineAndUnknown(@TempDir Path dir) throws Exception {
        Path launcher = unpack(dir);
        Map.Entry<Integer, String> badHome = run(dir.resolve("no-such-jdk").toString(), launcher.toString(),
                "--version");
        assertEquals(3, badHome.getKey(), badHome.getValue());
        assertEquals(1, badHome.getValue().strip().lines().count(), badHome.getValue());
        assertTrue(badHome.getValue().startsWith("certaudit: JAVA_HOME is "), badHome.getValue());

        Path oldJava = Files.createDirectories(dir.resolve("jdk-11/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho 'Error: UnsupportedClassVersionError' >&2\nexit 1\n");
        assertTrue(oldJava.toFile().setExecutable(true));
        Files.writeString(dir.resolve("jdk-11/release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"11.0.2\"\n");
        Map.Entry<Integer, String> old = run(dir.resolve("jdk-11").toString(), launcher.toString(), "--version");
        assertEquals(3, old.getKey(), old.getValue());
        assertEquals(1, old.getValue().strip().lines().count(), old.getValue());
        assertTrue(old.getValue().contains("Java 11.0.2; certaudit needs Java 17 or later"), old.getValue());

        Files.delete(dir.resolve(ROOT + "lib/certaudit.jar"));
        Map.Entry<Integer, String> noJar = run(System.getProperty("java.home"), launcher.toString(), "--version");
        assertEquals(3, noJar.getKey(), noJar.getValue());
        assertEquals(1, noJar.getValue().strip().lines().count(), noJar.getValue());
    }

    /**
     * Plain {@code java -jar lib/certaudit.jar}, as a user types it, runs the audit in a second JVM with the
     * launchers' options and gives the same exit code, report and messages as the launcher, for arguments that a
     * command line would mangle on Windows (quotes, a trailing backslash, spaces).
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void plainJavaJarRunsTheAuditInATunedJvmWithTheLaunchersResult(@TempDir Path dir) throws Exception {
        Path launcher = unpack(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = dir.resolve(ROOT + "lib/certaudit.jar").toString();
        Path example = Path.of("..", "examples", "bems-host").toAbsolutePath().normalize();
        Path host = dir.resolve("exports \"bems\" 01\\");
        try (var files = Files.walk(example)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, host.resolve(example.relativize(file).toString()));
            }
        }
        List<String> audit = List.of("audit", "--source", host.toString(), "--config",
                host.resolve("certaudit.yaml").toString(), "--format", "json", "--at", "2026-12-05T12:00:00Z");
        String[] viaLauncher = runApart(dir, launcher.toString(), audit);
        String[] viaJar = runApart(dir, java, List.of("-jar", jar), audit);
        assertEquals("2", viaLauncher[0], viaLauncher[2]);
        assertEquals(viaLauncher[0], viaJar[0], viaJar[2]);
        assertEquals(withoutGeneratedAt(viaLauncher[1]), withoutGeneratedAt(viaJar[1]));
        assertEquals(viaLauncher[2], viaJar[2]);
        assertTrue(viaJar[1].contains(host.toString().replace("\\", "\\\\").replace("\"", "\\\"")),
                "the source arrived exactly: " + viaJar[1]);

        // -XX:+PrintCommandLineFlags makes each JVM print its flags: the user's plain one, then the tuned one.
        String[] flags = runApart(dir, java, List.of("-XX:+PrintCommandLineFlags", "-jar", jar), List.of("--version"));
        List<String> jvms = flags[1].lines().filter(line -> line.startsWith("-XX:")).toList();
        assertEquals(2, jvms.size(), flags[1]);
        assertFalse(jvms.get(0).contains("-XX:+UseParallelGC"), jvms.get(0));
        assertTrue(jvms.get(1).contains("-XX:TieredStopAtLevel=1") && jvms.get(1).contains("-XX:+UseParallelGC"),
                jvms.get(1));
        assertTrue(flags[1].contains("certaudit " + System.getProperty("certaudit.version")), flags[1]);

        String[] off = runApart(dir, java, List.of("-Dcertaudit.relaunch=false", "-XX:+PrintCommandLineFlags",
                "-jar", jar), List.of("--version"));
        assertEquals(1, off[1].lines().filter(line -> line.startsWith("-XX:")).count(), off[1]);
        // The launcher's JVM carries the marker: it runs the audit itself, in one JVM.
        String[] launched = runApart(dir, List.of(launcher.toString(), "--version"),
                Map.of("CERTAUDIT_JAVA_OPTS", "-XX:+PrintCommandLineFlags"));
        List<String> launchedJvms = launched[1].lines().filter(line -> line.startsWith("-XX:")).toList();
        assertEquals(1, launchedJvms.size(), launched[1]);
        assertTrue(launchedJvms.get(0).contains("-XX:+UseParallelGC"), launched[1]);
    }

    private static String withoutGeneratedAt(String report) {
        return report.replaceAll("\"generatedAt\" ?: ?\"[^\"]*\"", "");
    }

    /** Runs {@code program options arguments} in {@code folder}; exit code, standard output and error apart. */
    private static String[] runApart(Path folder, String program, List<String> options, List<String> arguments)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(program));
        command.addAll(options);
        command.addAll(arguments);
        return runApart(folder, command, Map.of());
    }

    private static String[] runApart(Path folder, String program, List<String> arguments) throws Exception {
        return runApart(folder, program, List.of(), arguments);
    }

    private static String[] runApart(Path folder, List<String> command, Map<String, String> environment)
            throws Exception {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("CERTAUDIT_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        int exit = process.waitFor();
        return new String[] {String.valueOf(exit), Files.readString(out), Files.readString(err)};
    }

    /** {@code path} as Wine's Z: drive shows this file system. */
    private static String wineName(Path path) {
        return "Z:" + path.toAbsolutePath().toString().replace('/', '\\');
    }

    /** Runs {@code cmd /c command} under Wine in {@code folder}; exit code and combined output. */
    private static Map.Entry<Integer, String> wine(Path prefix, Path folder, String javaHome, String... command)
            throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("wine", "cmd", "/c"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("WINEPREFIX", prefix.toString());
        builder.environment().put("WINEDEBUG", "-all");
        builder.environment().remove("JAVA_HOME");
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "wine did not finish");
        return Map.entry(process.exitValue(), output);
    }

    /**
     * The Windows launcher run by Wine's cmd.exe, with Wine's whoami.exe standing in for java.exe (it ignores its
     * arguments and exits 0): a java.exe in the current folder is never run, JAVA_HOME's is, and a relative
     * JAVA_HOME is refused in one line with exit code 3. Runs where Wine is installed (.ci/run installs it).
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(OS.LINUX)
    void underWineTheWindowsLauncherNeverRunsAJavaFromTheCurrentFolder(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "wine"))), "Wine is not installed");
        unpack(dir);
        Path prefix = Path.of("target", "wine-prefix").toAbsolutePath();
        Path export = Files.createDirectories(dir.resolve("customer export"));
        wine(prefix, export, null, "exit", "0");
        Path whoami = prefix.resolve("drive_c/windows/system32/whoami.exe");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(whoami), "Wine has no whoami.exe");
        Files.copy(whoami, export.resolve("java.exe"));
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.copy(whoami, jdk.resolve("java.exe"));
        Files.createDirectories(export.resolve("jdk/bin"));
        Files.copy(whoami, export.resolve("jdk/bin/java.exe"));
        String launcher = wineName(dir.resolve(ROOT + "bin/certaudit.cmd"));

        Map.Entry<Integer, String> planted = wine(prefix, export, null, launcher, "--version");
        assertEquals(3, planted.getKey(), planted.getValue());
        assertEquals("certaudit: no Java found: set JAVA_HOME to a Java 17 or later (a java.exe in the current "
                + "folder is never run)", planted.getValue().strip());

        Map.Entry<Integer, String> relative = wine(prefix, export, "jdk", launcher, "--version");
        assertEquals(3, relative.getKey(), relative.getValue());
        assertTrue(relative.getValue().strip().startsWith("certaudit: JAVA_HOME is \"jdk\", not an absolute path"),
                relative.getValue());

        Map.Entry<Integer, String> home = wine(prefix, export, wineName(dir.resolve("jdk")), launcher, "--version");
        assertEquals(0, home.getKey(), home.getValue());
        assertFalse(home.getValue().contains("certaudit:"), home.getValue());
    }
}
