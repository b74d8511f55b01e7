package io.certaudit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.certaudit.chain.ChainAnalysis;
import io.certaudit.model.HostSnapshot;

/**
 * Runs a catalogue over a snapshot: analyses chains once, runs every enabled rule (a rule that throws becomes a
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
        Set<Finding> findings = new LinkedHashSet<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Rule rule : catalog.rules()) {
            RuleInfo info = rule.info();
            if (settings.disabledRules().contains(info.id())) {
                outcomes.add(new RuleOutcome(info.id(), RuleOutcome.Result.DISABLED, 0, 0));
                continue;
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
            findings.addAll(found);
            outcomes.add(new RuleOutcome(info.id(), outcome(checked[0], found.size(), sink.failures()), checked[0],
                    found.size()));
        }
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(WORST_FIRST);
        return new AuditResult(context, ordered, outcomes, AuditStatus.of(ordered));
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
