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
                        {"com/sun/jna/platform/", "net.java.dev.jna:jna-platform"}}) {
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
        assertTrue(cmd.contains("\\lib\\certaudit.jar\" %*"), cmd);
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), "the exit code reaches Task Scheduler");
        assertFalse(text("bin/certaudit").contains("\r"));
        assertTrue(text("README.txt").contains("\r\n"));
    }

    @Test
    void theLaunchersRunTheJvmAsTheBenchmarkMeasuredIt() {
        for (String launcher : List.of("bin/certaudit", "bin/certaudit.cmd")) {
            String text = text(launcher);
            assertTrue(text.contains("-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -jar"), launcher + ": " + text);
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
    void theSampleConfigIsAcceptedAsItShips(@TempDir Path dir) throws Exception {
        Path sample = Files.write(dir.resolve("certaudit.yaml"), entries.get(ROOT + "config/certaudit.sample.yaml"));
        ConfigFile config = ConfigFile.load(sample);
        assertEquals("bemsapppool.example.com", config.poolFqdn());
        assertEquals(2, config.instanceFqdns().size());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theUnpackedPosixLauncherRunsTheCommand(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        Path launcher = dir.resolve(ROOT + "bin/certaudit");
        assertTrue(launcher.toFile().setExecutable(true));
        Process process = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.startsWith("certaudit " + System.getProperty("certaudit.version")), output);
    }
}
