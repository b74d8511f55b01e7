package io.certaudit.agent.relaunch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The JVM certaudit is measured for, and whether and how a plain {@code java -jar certaudit.jar} starts the audit
 * once more in it. The launchers and the scheduled task start Java with {@link #options()} (C1 only, the parallel
 * collector with a fixed young generation, from {@code certaudit.jvmOptions} in the parent pom), which carry the
 * marker {@code -Dcertaudit.jvm=tuned}; a JVM without it runs with the JVM's defaults, sized for the machine rather
 * than for one short batch: G1 with a heap of a quarter of the memory and C2 compiler threads competing with the
 * audit for the cores, which on 10,000 certificates took about twice the CPU time and memory.
 *
 * <p>What the user gave the first JVM is respected: their {@code -D}, {@code -X} and {@code -XX} options come after
 * the tuned ones, so that theirs win (the JVM takes the last of a repeated option). Two kinds of option are not
 * settled by order, so the tuned one is left out when the user gave one of the kind: the choice of collector (two
 * would make the JVM refuse to start) and the young generation's size ({@code -Xmn} would override their
 * {@code NewRatio}). The audit runs in the first JVM instead when the user's options watch or record that JVM (an
 * agent, a debugger, Flight Recorder, a class-data archive being written, a log written to a file): started twice,
 * both JVMs would attach, or write the same file, and the second would not be the one they asked about.
 */
public final class TunedJvm {

    /** The system property every tuned path sets, and its value. */
    public static final String MARKER_PROPERTY = "certaudit.jvm";
    public static final String MARKER_VALUE = "tuned";
    /** {@code -Dcertaudit.relaunch=false} keeps the audit in the JVM the user started. */
    public static final String SWITCH_PROPERTY = "certaudit.relaunch";
    /** Set on the tuned JVM started from a plain one: its program arguments are in {@link #ARGUMENTS_VARIABLE}. */
    static final String RELAUNCHED_PROPERTY = "certaudit.relaunched";
    static final String ARGUMENTS_VARIABLE = "CERTAUDIT_ARGUMENTS";
    /**
     * Longer arguments run in the first JVM: Windows limits an environment variable to 32,767 characters, and a
     * command line too, so only arguments of mostly non-ASCII text come near it.
     */
    static final int MAX_ENCODED_ARGUMENTS = 30_000;

    /**
     * The launchers' JVM options, marker included, from {@code certaudit.jvmOptions} in the parent pom (filtered
     * into jvm.properties), so the launchers, the scheduled task and the relaunch cannot drift apart. Read on first
     * use, so a JVM that is tuned already never reads them.
     */
    public static List<String> options() {
        return Options.LIST;
    }

    private static final class Options {
        static final List<String> LIST = load();
    }

    /** JVM warnings go to standard error, never into a report on standard output; as the launchers do. */
    static final List<String> LOG_OPTIONS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    /** JNA never unpacks its native library into a shared temporary folder, nor searches the system's path. */
    static final List<String> JNA_OPTIONS = List.of("-Djna.nounpack=true", "-Djna.nosys=true");
    /** Where JNA's Windows dispatch libraries are, beside the jar, one folder per architecture. */
    static final List<String> DISPATCH_LIBRARY_FOLDERS = List.of("win32-x86-64", "win32-aarch64");

    private static final List<String> COLLECTORS = List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC",
            "-XX:+UseParallelOldGC", "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC",
            "-XX:+UseConcMarkSweepGC");
    private static final List<String> YOUNG_GENERATION_SIZES = List.of("-Xmn", "-XX:NewSize=", "-XX:MaxNewSize=",
            "-XX:NewRatio=");
    private static final List<String> WATCHES_THE_JVM = List.of("-agentlib:", "-agentpath:", "-javaagent:",
            "-Xrun", "-Xdebug", "-Xloggc:", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions",
            "-XX:+FlightRecorder", "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-Xshare:dump",
            "-XX:+RecordDynamicDumpInfo");

    private TunedJvm() {
    }

    // The first JVM runs with the JVM's defaults and without certaudit's class-data archive, so the code it runs here
    // sticks to loops: a lambda or a stream costs it the generation of their classes, milliseconds each.

    private static boolean choosesCollector(String option) {
        return COLLECTORS.contains(option);
    }

    private static boolean sizesYoungGeneration(String option) {
        return startsWithAny(option, YOUNG_GENERATION_SIZES);
    }

    private static boolean startsWithAny(String option, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (option.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the decision needs to know about the running JVM.
     *
     * @param properties   its system properties
     * @param jvmArguments the options it was started with (before {@code -jar})
     * @param java         the java binary it runs from, {@code java.home/bin/java}
     * @param jar          the jar its classes came from, or null when they came from a folder
     * @param archive      the class-data sharing archive beside the jar when it is newer than the jar, or null
     * @param windows      whether the command will be one Windows command line
     */
    record Running(Properties properties, List<String> jvmArguments, Path java, Path jar,
                   Path archive, boolean windows) {
    }

    /** The command to run the audit with and its encoded program arguments, or why it runs in this JVM. */
    record Decision(List<String> command, String encodedArguments, String runsHereBecause) {
        static Decision runHere(String reason) {
            return new Decision(null, null, reason);
        }

        boolean relaunches() {
            return command != null;
        }
    }

    /**
     * Why the audit runs in this JVM without looking any further, or null: the JVM is tuned already, or the user
     * turned the relaunch off. Cheap, so a tuned JVM pays nothing else.
     */
    static String runsHereAnyway(Properties properties) {
        if (MARKER_VALUE.equals(properties.getProperty(MARKER_PROPERTY))
                || "true".equals(properties.getProperty(RELAUNCHED_PROPERTY))) {
            return "started with certaudit's JVM options";
        }
        if ("false".equalsIgnoreCase(properties.getProperty(SWITCH_PROPERTY))) {
            return "-D" + SWITCH_PROPERTY + "=false";
        }
        return null;
    }

    static Decision decide(Running running, String[] arguments) {
        String anyway = runsHereAnyway(running.properties());
        if (anyway != null) {
            return Decision.runHere(anyway);
        }
        if (!options().contains("-D" + MARKER_PROPERTY + "=" + MARKER_VALUE)) {
            return Decision.runHere("the jar holds no tuned JVM options");
        }
        if (running.jar() == null || !running.jar().toString().endsWith(".jar")) {
            return Decision.runHere("not started from certaudit.jar");
        }
        List<String> carried = new ArrayList<>();
        for (String option : running.jvmArguments()) {
            if (watchesTheJvm(option)) {
                return Decision.runHere(option + " watches or records this JVM");
            }
            if (option.startsWith("-D") || option.startsWith("-X")) {
                carried.add(option);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(running.java().toString());
        command.addAll(LOG_OPTIONS);
        if (running.archive() != null) {
            command.add("-XX:SharedArchiveFile=" + running.archive());
        }
        boolean theirCollector = false;
        boolean theirYoungGeneration = false;
        for (String option : carried) {
            theirCollector |= choosesCollector(option);
            theirYoungGeneration |= sizesYoungGeneration(option);
        }
        for (String option : options()) {
            if (!(theirCollector && choosesCollector(option))
                    && !(theirYoungGeneration && sizesYoungGeneration(option))) {
                command.add(option);
            }
        }
        command.addAll(JNA_OPTIONS);
        if (running.windows()) {
            String jar = running.jar().toString();
            String folder = jar.substring(0, Math.max(0, Math.max(jar.lastIndexOf('\\'), jar.lastIndexOf('/'))));
            StringBuilder path = new StringBuilder("-Djna.boot.library.path=");
            String separator = "";
            for (String name : DISPATCH_LIBRARY_FOLDERS) {
                path.append(separator).append(folder).append('\\').append(name);
                separator = ";";
            }
            command.add(path.toString());
        }
        command.addAll(carried);
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-jar");
        command.add(running.jar().toString());
        if (running.windows()) {
            for (String part : command.subList(1, command.size())) {
                if (!crossesWindowsCommandLine(part)) {
                    return Decision.runHere("the Windows command line cannot carry " + part + " exactly");
                }
            }
        }
        String encoded = ProgramArguments.encode(arguments);
        if (encoded.length() > MAX_ENCODED_ARGUMENTS) {
            return Decision.runHere("the arguments are too long to pass on");
        }
        return new Decision(List.copyOf(command), encoded, null);
    }

    /** Agents, debuggers, recordings and logs to a file belong to this JVM: see the class comment. */
    static boolean watchesTheJvm(String option) {
        if (startsWithAny(option, WATCHES_THE_JVM)) {
            return true;
        }
        if (option.startsWith("-Xlog:")) {
            // -Xlog:what[:output[:decorators[:options]]], where output is stdout, stderr or a file.
            String[] parts = option.split(":", 4);
            return parts.length > 2 && !parts[2].isEmpty() && !parts[2].equals("stdout") && !parts[2].equals("stderr");
        }
        return false;
    }

    /**
     * Whether Java's ProcessBuilder passes {@code part} through one Windows command line to java.exe unchanged:
     * java.exe reads its command line in the ANSI code page, and ProcessBuilder's quoting loses a quote, and a
     * backslash ending a part that needs quoting. Printable ASCII without those always arrives as it left.
     */
    static boolean crossesWindowsCommandLine(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"') {
                return false;
            }
        }
        return !(part.indexOf(' ') >= 0 && part.endsWith("\\"));
    }

    private static List<String> load() {
        Properties properties = new Properties();
        try (InputStream in = TunedJvm.class.getResourceAsStream("jvm.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return List.of();
        }
        String options = properties.getProperty("options", "").trim();
        return options.isEmpty() || options.startsWith("${") ? List.of() : List.of(options.split("\\s+"));
    }
}
