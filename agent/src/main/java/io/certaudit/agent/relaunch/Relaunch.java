package io.certaudit.agent.relaunch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the audit in a JVM tuned for it when the user started a plain one ({@code java -jar certaudit.jar}): starts
 * the same Java once more on the same jar with certaudit's JVM options (see {@link TunedJvm}), hands it standard
 * input, output and error as they are, waits, and exits with its exit code. When that JVM cannot be started the
 * audit runs here, as it did before there was a relaunch: slower, with the same result.
 *
 * <p>Security: the scheduled task runs as SYSTEM, but it starts Java with the tuned options and the marker, so it
 * never comes here; and a relaunch executes nothing the first JVM would not have. The Java binary is
 * {@code java.home/bin/java[.exe]} of the running JVM, the one whose code is already running, never a {@code java}
 * found on PATH or in the working folder (where an export being audited may carry one). The jar is the file this
 * class was loaded from (its code source), not a path from the command line or the environment. The class-data
 * archive is taken only from the jar's own folder, as the launchers take it: whoever can write there can replace
 * the jar itself (the install folder is administrators-only, which {@code install} checks). The program arguments
 * travel in an environment variable the tuned JVM reads only when it is started with the property that says it
 * was relaunched, never a temporary file that another user could swap.
 */
public final class Relaunch {

    private static final long STOP_GRACE_SECONDS = 10;
    /** The audit's UNKNOWN exit code: it could not run (ExitCodes.UNKNOWN, not referenced to keep this JVM lean). */
    private static final int UNKNOWN = 3;

    private Relaunch() {
    }

    /**
     * Called first by {@code main}: the program arguments to run in this JVM, or, when the audit ran in a tuned JVM
     * started from here, does not return but exits with its exit code.
     */
    public static String[] inTunedJvm(String[] arguments) {
        if ("true".equals(System.getProperty(TunedJvm.RELAUNCHED_PROPERTY))) {
            return relaunchedArguments(arguments);
        }
        String anyway = TunedJvm.runsHereAnyway(System.getProperties());
        if (anyway != null) {
            return arguments;
        }
        TunedJvm.Decision decision = decide(arguments);
        if (!decision.relaunches()) {
            debug("the audit runs in this JVM: " + decision.runsHereBecause());
            return arguments;
        }
        ProcessBuilder builder = new ProcessBuilder(decision.command()).inheritIO();
        builder.environment().put(TunedJvm.ARGUMENTS_VARIABLE, decision.encodedArguments());
        Process tuned;
        try {
            tuned = builder.start();
        } catch (IOException | RuntimeException e) {
            debug("the audit runs in this JVM: cannot start " + decision.command().get(0) + ": " + e.getMessage());
            return arguments;
        }
        // Ctrl-C, or this JVM being stopped, stops the audit too: no audit left running on its own.
        Runtime.getRuntime().addShutdownHook(new StopTunedJvm(tuned));
        System.exit(exitCodeOf(tuned));
        return arguments;
    }

    private static TunedJvm.Decision decide(String[] arguments) {
        Path jar = ownJar();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (!Files.isRegularFile(java)) {
            return TunedJvm.Decision.runHere(java + " is not there");
        }
        List<String> jvmArguments = jvmArguments();
        if (jvmArguments == null) {
            return TunedJvm.Decision.runHere("cannot read this JVM's options");
        }
        return TunedJvm.decide(new TunedJvm.Running(System.getProperties(), jvmArguments, java, jar,
                archiveBeside(jar), windows), arguments);
    }

    /** The jar this class was loaded from, or null when it came from a folder (a build's classes, an IDE). */
    private static Path ownJar() {
        CodeSource source = Relaunch.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** certaudit.jsa beside the jar when it is newer than the jar, as the launchers use it; else null. */
    private static Path archiveBeside(Path jar) {
        if (jar == null) {
            return null;
        }
        Path archive = jar.resolveSibling("certaudit.jsa");
        try {
            FileTime archiveTime = Files.getLastModifiedTime(archive);
            return Files.isRegularFile(archive) && archiveTime.compareTo(Files.getLastModifiedTime(jar)) > 0
                    ? archive : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The options this JVM was started with. {@code jdk.internal.misc.VM.getRuntimeArguments()} (exported to
     * certaudit by the jar's {@code Add-Exports} manifest entry) answers in microseconds; the management API gives
     * the same list but loads its module first, which took 70-130 ms here, as long as the rest of the decision and
     * the start of the tuned JVM together. It is the fallback, for a JDK without the internal method.
     */
    static List<String> jvmArguments() {
        try {
            Object options = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return List.of((String[]) options);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                return ManagementFactory.getRuntimeMXBean().getInputArguments();
            } catch (RuntimeException | LinkageError unavailable) {
                return null;
            }
        }
    }

    /** The tuned JVM's exit code, waiting however long the audit takes. */
    private static int exitCodeOf(Process tuned) {
        while (true) {
            try {
                return tuned.waitFor();
            } catch (InterruptedException e) {
                // Nothing interrupts the main thread on purpose; keep waiting for the audit's own result.
            }
        }
    }

    /** Stops the tuned JVM, asking first, when this one is stopped while the audit still runs. */
    private static final class StopTunedJvm extends Thread {
        private final Process tuned;

        StopTunedJvm(Process tuned) {
            super("certaudit-stop-tuned-jvm");
            this.tuned = tuned;
        }

        @Override
        public void run() {
            if (!tuned.isAlive()) {
                return;
            }
            tuned.destroy();
            try {
                if (!tuned.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    tuned.destroyForcibly();
                }
            } catch (InterruptedException e) {
                tuned.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * In the tuned JVM: the program arguments the first JVM passed on. It also stops the audit when the first JVM
     * is gone (killed outright, where its shutdown hook never ran), rather than let it run on unseen.
     */
    private static String[] relaunchedArguments(String[] arguments) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(UNKNOWN)));
        String encoded = System.getenv(TunedJvm.ARGUMENTS_VARIABLE);
        if (encoded == null || arguments.length > 0) {
            return arguments;
        }
        try {
            return ProgramArguments.decode(encoded);
        } catch (IllegalArgumentException e) {
            System.err.println("certaudit: the arguments passed to the tuned JVM are damaged (" + e.getMessage()
                    + "); run with -D" + TunedJvm.SWITCH_PROPERTY + "=false");
            System.exit(UNKNOWN);
            return arguments;
        }
    }

    /** One line on standard error, only when CERTAUDIT_DEBUG is set: running here is never an error. */
    private static void debug(String message) {
        if (System.getenv("CERTAUDIT_DEBUG") != null) {
            System.err.println("certaudit: " + message);
        }
    }
}
