package io.certaudit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.certaudit.chain.ChainAnalysis;
import io.certaudit.model.HostSnapshot;

/**
 * Runs a catalogue over a snapshot: analyses chains once, runs every enabled rule (on every core) (a rule that throws becomes a
 * finding and the others still run), applies severity overrides, drops duplicate findings and orders them worst
 * first.
 */
public final class RuleEngine {

    private static final Comparator<Finding> WORST_FIRST = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.thumbprint() == null ? "" : f.thumbprint())
            .thenComparing(Finding::message);

    private final RuleCatalog catalog;

    public RuleEngine(RuleCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Audits {@code snapshot} as of {@code at}. */
    public AuditResult run(HostSnapshot snapshot, AuditSettings settings, Instant at) {
        ChainAnalysis chains = ChainAnalysis.analyze(snapshot, at);
        AuditContext context = new AuditContext(snapshot, chains, settings, at);
        List<Rule> rules = catalog.rules();
        List<RuleRun> runs = runAll(rules, context, settings);
        Set<Finding> findings = new LinkedHashSet<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (RuleRun run : runs) {
            findings.addAll(run.found());
            outcomes.add(run.outcome());
        }
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(WORST_FIRST);
        return new AuditResult(context, ordered, outcomes, AuditStatus.of(ordered));
    }

    /** What one rule found and how it ended. */
    private record RuleRun(List<Finding> found, RuleOutcome outcome) {
    }

    /**
     * Runs every rule, one task per rule on a pool of one thread per core, and returns their runs in catalogue
     * order, so that the report is the same as one thread would make it. Rules are independent of each other: each
     * reports into its own {@link Findings}, and what they share (the snapshot, the context, the chain analysis) is
     * immutable or built for concurrent use. On one core the rules run on the calling thread.
     */
    private static List<RuleRun> runAll(List<Rule> rules, AuditContext context, AuditSettings settings) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), rules.size());
        if (threads <= 1) {
            return rules.stream().map(rule -> run(rule, context, settings)).toList();
        }
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            // Daemon threads: a run given up at its time limit must not keep the JVM alive.
            Thread thread = new Thread(task, "certaudit-rules-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RuleRun>> futures = new ArrayList<>();
            for (Rule rule : rules) {
                futures.add(pool.submit(() -> run(rule, context, settings)));
            }
            List<RuleRun> runs = new ArrayList<>();
            for (Future<RuleRun> future : futures) {
                runs.add(result(future));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuleRun result(Future<RuleRun> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules ran", e);
        } catch (ExecutionException e) {
            // A rule's RuntimeException is already its finding (Findings.guard); what arrives here is an Error,
            // such as running out of memory, which must end the audit as it would on one thread.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RuleRun run(Rule rule, AuditContext context, AuditSettings settings) {
        RuleInfo info = rule.info();
        if (settings.disabledRules().contains(info.id())) {
            return new RuleRun(List.of(), new RuleOutcome(info.id(), RuleOutcome.Result.DISABLED, 0, 0));
        }
        Findings sink = new Findings(info);
        // The base classes guard each check, not the choice of targets or appliesTo, and a rule may implement
        // Rule directly: whatever escapes still becomes the rule's could-not-be-evaluated warning, and the
        // audit of everything else goes on.
        int[] checked = {0};
        sink.guard(null, () -> checked[0] = rule.evaluate(context, sink));
        Severity override = settings.severityOverrides().get(info.id());
        // An override sets the severity of what the rule found, never of its own failure: a crash stays a
        // warning, neither hidden by "info" nor turned critical by "error".
        List<Finding> found = sink.collected().stream()
                .map(f -> override == null || f.evidence().containsKey(Findings.RULE_FAILURE) ? f
                        : f.withSeverity(override))
                .distinct()
                .toList();
        return new RuleRun(found, new RuleOutcome(info.id(), outcome(checked[0], found.size(), sink.failures()),
                checked[0], found.size()));
    }

    private static RuleOutcome.Result outcome(int checked, int found, int failures) {
        if (failures > 0) {
            return RuleOutcome.Result.ERROR;
        }
        if (found > 0) {
            return RuleOutcome.Result.FAILED;
        }
        return checked == 0 ? RuleOutcome.Result.NOT_APPLICABLE : RuleOutcome.Result.PASSED;
    }
}
