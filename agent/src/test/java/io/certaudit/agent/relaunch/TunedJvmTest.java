package io.certaudit.agent.relaunch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** When a plain JVM starts the audit again in a tuned one, and with which command. */
class TunedJvmTest {

    private static final Path JAVA = Path.of("/opt/jdk-17/bin/java");
    private static final Path JAR = Path.of("/opt/certaudit/lib/certaudit.jar");
    private static final Path ARCHIVE = Path.of("/opt/certaudit/lib/certaudit.jsa");
    private static final String[] ARGUMENTS = {"audit", "--source", "/srv/exports/bems 01/", "--format", "json"};

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    private static TunedJvm.Decision decide(Map<String, String> values, List<String> jvmArguments) {
        return TunedJvm.decide(new TunedJvm.Running(properties(values), jvmArguments, JAVA, JAR, ARCHIVE, false),
                ARGUMENTS);
    }

    private static TunedJvm.Decision plain(String... jvmArguments) {
        return decide(Map.of(), List.of(jvmArguments));
    }

    @Test
    void theTunedOptionsCarryTheMarkerTheLaunchersAndTheTaskSet() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn64m",
                "--add-exports=java.base/sun.security.x509=ALL-UNNAMED", "-Dcertaudit.jvm=tuned"),
                TunedJvm.options());
    }

    @Test
    void aPlainJvmStartsTheSameJavaOnTheSameJarWithTheTunedOptions() {
        TunedJvm.Decision decision = plain();
        assertTrue(decision.relaunches(), decision.runsHereBecause());
        List<String> expected = new ArrayList<>(List.of(JAVA.toString(), "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:SharedArchiveFile=" + ARCHIVE));
        expected.addAll(TunedJvm.options());
        expected.addAll(List.of("-Djna.nounpack=true", "-Djna.nosys=true", "-Dcertaudit.relaunched=true", "-jar",
                JAR.toString()));
        assertEquals(expected, decision.command());
        assertArrayEquals(ARGUMENTS, ProgramArguments.decode(decision.encodedArguments()));
    }

    @Test
    void withoutAnArchiveBesideTheJarNoneIsNamed() {
        TunedJvm.Decision decision = TunedJvm.decide(
                new TunedJvm.Running(new Properties(), List.of(), JAVA, JAR, null, false), ARGUMENTS);
        assertTrue(decision.relaunches());
        assertTrue(decision.command().stream().noneMatch(part -> part.contains("SharedArchiveFile")),
                decision.command()::toString);
    }

    @Test
    void aJvmWithTheMarkerRunsTheAuditItself() {
        TunedJvm.Decision decision = decide(Map.of("certaudit.jvm", "tuned"), List.of("-Dcertaudit.jvm=tuned"));
        assertFalse(decision.relaunches());
        assertNull(decision.command());
        assertFalse(decide(Map.of("certaudit.relaunched", "true"), List.of()).relaunches(),
                "the relaunched JVM never starts another");
        assertTrue(decide(Map.of("certaudit.jvm", "something else"), List.of()).relaunches());
    }

    @Test
    void relaunchFalseKeepsTheAuditInThisJvm() {
        assertFalse(decide(Map.of("certaudit.relaunch", "false"), List.of("-Dcertaudit.relaunch=false"))
                .relaunches());
        assertFalse(decide(Map.of("certaudit.relaunch", "FALSE"), List.of()).relaunches());
        assertTrue(decide(Map.of("certaudit.relaunch", "true"), List.of()).relaunches());
    }

    @Test
    void theUsersOptionsComeAfterTheTunedOnesSoTheirsWin() {
        List<String> command = plain("-Xmx300m", "-Dcertaudit.nativeCrypto=false", "-XX:TieredStopAtLevel=4",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xss2m", "-XX:+PrintCommandLineFlags").command();
        int tuned = command.indexOf("-XX:TieredStopAtLevel=1");
        int marker = command.indexOf("-Dcertaudit.jvm=tuned");
        for (String theirs : List.of("-Xmx300m", "-Dcertaudit.nativeCrypto=false", "-XX:TieredStopAtLevel=4",
                "-Xss2m", "-XX:+PrintCommandLineFlags")) {
            assertTrue(command.indexOf(theirs) > Math.max(tuned, marker), theirs + " after the tuned options: "
                    + command);
            assertTrue(command.indexOf(theirs) < command.indexOf("-jar"), theirs + " is a JVM option: " + command);
        }
        assertFalse(command.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), "only -D, -X and -XX");
    }

    @Test
    void theUsersCollectorAndYoungGenerationReplaceTheTunedOnes() {
        List<String> collector = plain("-XX:+UseG1GC").command();
        assertTrue(collector.contains("-XX:+UseG1GC"));
        assertFalse(collector.contains("-XX:+UseParallelGC"), "two collectors stop the JVM: " + collector);
        assertTrue(collector.contains("-Xmn64m"));

        List<String> young = plain("-XX:NewRatio=3").command();
        assertTrue(young.contains("-XX:NewRatio=3"));
        assertFalse(young.contains("-Xmn64m"), "-Xmn would override their ratio: " + young);
        assertTrue(young.contains("-XX:+UseParallelGC"));

        List<String> neither = plain("-XX:+UseGCOverheadLimit", "-Xmx1g").command();
        assertTrue(neither.containsAll(List.of("-XX:+UseParallelGC", "-Xmn64m")), neither::toString);
    }

    @Test
    void optionsThatWatchOrRecordThisJvmKeepTheAuditHere() {
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-agentpath:/tmp/ap/libasyncProfiler.so=start", "-javaagent:/opt/agent.jar", "-Xdebug",
                "-Xrunjdwp:transport=dt_socket", "-XX:StartFlightRecording=filename=audit.jfr",
                "-XX:ArchiveClassesAtExit=/opt/certaudit/lib/certaudit.jsa", "-Xshare:dump",
                "-XX:DumpLoadedClassList=classes.lst", "-Xlog:gc*:file=gc.log", "-Xlog:class+load:classes.txt",
                "-Xloggc:gc.log")) {
            TunedJvm.Decision decision = plain(option);
            assertFalse(decision.relaunches(), option);
            assertTrue(decision.runsHereBecause().contains(option), decision.runsHereBecause());
        }
        for (String option : List.of("-Xlog:gc", "-Xlog:gc*:stderr", "-Xlog:gc::uptime", "-Xlog:disable")) {
            assertTrue(plain(option).command().contains(option), option + " is carried");
        }
    }

    @Test
    void classesFromAFolderRatherThanTheJarRunHere() {
        for (Path notAJar : new Path[] {null, Path.of("/work/certaudit/agent/target/classes")}) {
            TunedJvm.Decision decision = TunedJvm.decide(
                    new TunedJvm.Running(new Properties(), List.of(), JAVA, notAJar, null, false), ARGUMENTS);
            assertFalse(decision.relaunches(), String.valueOf(notAJar));
        }
    }

    @Test
    void onWindowsJnaLoadsFromBesideTheJarAndOnlyWhatTheCommandLineCarriesExactlyIsPassed() {
        Path jar = Path.of("C:\\Program Files\\certaudit\\lib\\certaudit.jar");
        TunedJvm.Running windows = new TunedJvm.Running(new Properties(), List.of("-Dreport.title=C:\\reports\\"),
                Path.of("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe"), jar, null, true);
        TunedJvm.Decision decision = TunedJvm.decide(windows, ARGUMENTS);
        assertTrue(decision.relaunches(), decision.runsHereBecause());
        assertTrue(decision.command().contains("-Djna.boot.library.path="
                + "C:\\Program Files\\certaudit\\lib\\win32-x86-64;"
                + "C:\\Program Files\\certaudit\\lib\\win32-aarch64"), decision.command()::toString);
        assertTrue(decision.command().contains("-Dreport.title=C:\\reports\\"), "no space: passed unquoted");

        for (String option : List.of("-Dtitle=a \"quoted\" word", "-Dfolder=C:\\my reports\\", "-Duser=José")) {
            TunedJvm.Decision refused = TunedJvm.decide(new TunedJvm.Running(new Properties(), List.of(option),
                    windows.java(), jar, null, true), ARGUMENTS);
            assertFalse(refused.relaunches(), option);
            TunedJvm.Decision elsewhere = TunedJvm.decide(new TunedJvm.Running(new Properties(), List.of(option),
                    JAVA, JAR, null, false), ARGUMENTS);
            assertTrue(elsewhere.command().contains(option), "other systems pass each part apart: " + option);
        }
        TunedJvm.Decision nonAsciiJar = TunedJvm.decide(new TunedJvm.Running(new Properties(), List.of(),
                windows.java(), Path.of("C:\\Users\\José\\certaudit.jar"), null, true), ARGUMENTS);
        assertFalse(nonAsciiJar.relaunches(), "java.exe would read the path in the ANSI code page");
    }

    @Test
    void argumentsTooLongForOneEnvironmentVariableRunHere() {
        String[] many = new String[8_000];
        java.util.Arrays.fill(many, "\u00e9");
        TunedJvm.Decision decision = TunedJvm.decide(
                new TunedJvm.Running(new Properties(), List.of(), JAVA, JAR, null, false), many);
        assertFalse(decision.relaunches());
    }
}
