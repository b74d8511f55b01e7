package io.certaudit.engine;

import java.util.List;

/**
 * The audit of one host: the facts it was judged on, the findings (worst first) and how each rule went.
 *
 * @param context  the snapshot, chain analysis, settings and instant the rules saw
 * @param findings every finding, worst first, then by rule id and thumbprint
 * @param outcomes one per rule of the catalogue, in catalogue order
 * @param status   derived from the worst finding
 */
public record AuditResult(AuditContext context, List<Finding> findings, List<RuleOutcome> outcomes,
                          AuditStatus status) {

    public AuditResult {
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
    }

    /** How many findings have the given severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
