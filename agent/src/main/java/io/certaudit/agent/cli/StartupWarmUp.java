package io.certaudit.agent.cli;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.certaudit.agent.crypto.ConscryptSignatureEngine;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.catalog.BuiltInRules;

/**
 * Starts, on a second thread at the very beginning of an audit, the set-up the audit thread will need later and that
 * depends on nothing the command line says: the rule catalogue's classes and metadata, the JDK's certificate
 * decoder, the native signature library, and, when a JSON report is written, Jackson's mapper with the report's
 * serializers. Until the audit reaches them the main thread is busy building and parsing the command line (picocli
 * reads every option through reflection), so on a machine with a second core the two overlap instead of following
 * each other.
 *
 * <p>What it does cannot change a result: each step is one the audit repeats itself, and it keeps nothing but what
 * the JVM and Jackson cache anyway (initialised classes, parsed annotations, serializers built for a type). A step
 * that fails is left for the audit to meet on its own thread, where it is reported as usual; the first failure is kept
 * so that the debug output of an internal error shows it too ({@link #failure()}), since a class whose initialisation
 * failed here reports only "could not initialize" there. It never runs for help or version requests.
 */
final class StartupWarmUp {

    private static final Set<String> AUDITING_SUBCOMMANDS = Set.of("audit", "probe");
    private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version");
    private static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();

    private StartupWarmUp() {
    }

    /** Starts the warm-up when {@code args} run an audit; returns at once. */
    static void startFor(String[] args) {
        if (!runsAnAudit(args)) {
            return;
        }
        boolean json = writesJson(args);
        Thread thread = new Thread(() -> warmUp(json), "certaudit-warm-up");
        // Never keeps the JVM alive: the run ends when the audit does, whether or not this has finished.
        thread.setDaemon(true);
        thread.start();
    }

    /** The first step that failed on the warm-up thread, if any. */
    static Throwable failure() {
        return FAILURE.get();
    }

    /** Whether the first argument names a subcommand that audits and nothing asks for help or the version instead. */
    static boolean runsAnAudit(String[] args) {
        if (args.length == 0 || !AUDITING_SUBCOMMANDS.contains(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (HELP_OR_VERSION.contains(arg)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the run may write a JSON report: {@code --format json}, {@code --output json=FILE} or
     * {@code --output FILE.json}. A guess from the words alone; a wrong one costs only the work done for nothing.
     */
    static boolean writesJson(String[] args) {
        for (String arg : args) {
            String word = arg.toLowerCase(Locale.ROOT);
            if (word.equals("json") || word.equals("--format=json") || word.startsWith("json=")
                    || word.startsWith("--output=json=") || word.endsWith(".json")) {
                return true;
            }
        }
        return false;
    }

    private static void warmUp(boolean json) {
        // In the order the audit needs them: the catalogue first, then what reading, judging and writing use.
        attempt(BuiltInRules::catalog);
        attempt(StartupWarmUp::certificateDecoding);
        // Loads the native library, or settles why not, exactly as the first signature check would.
        attempt(() -> new ConscryptSignatureEngine().name());
        if (json) {
            attempt(StartupWarmUp::reportSerializers);
        }
    }

    /**
     * Looks up the JDK's X.509 decoder and the digests of thumbprints, which loads and initialises their classes, and
     * initialises BouncyCastle's ANSI X9.62 identifiers, which the facts of every certificate's key are compared with:
     * their class builds about a hundred identifiers through string concatenation linked on first use (about 10 ms),
     * which would otherwise hold up the first certificate read.
     */
    static void certificateDecoding() {
        try {
            CertificateFactory.getInstance("X.509");
            MessageDigest.getInstance("SHA-1");
            MessageDigest.getInstance("SHA-256");
            X9ObjectIdentifiers.id_ecPublicKey.getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Builds the serializers of the report and of every type it holds, down its record components and their type
     * arguments, into the JSON writer's own cache: the writer then finds each one made, where it would otherwise
     * inspect each type the first time a value of it is written.
     */
    static void reportSerializers() {
        SerializerProvider provider = JsonReportWriter.serializers();
        for (Class<?> type : typesHeldBy(AuditReport.class)) {
            try {
                provider.findValueSerializer(type);
            } catch (JsonMappingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code root} and the certaudit types its record components hold, directly or as type arguments. */
    static Set<Class<?>> typesHeldBy(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.push(parameterized.getRawType());
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> held && held.getName().startsWith("io.certaudit.")
                    && found.add(held) && held.isRecord()) {
                for (RecordComponent component : held.getRecordComponents()) {
                    pending.push(component.getGenericType());
                }
            }
        }
        return found;
    }

    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (Throwable e) {
            FAILURE.compareAndSet(null, e);
        }
    }
}
