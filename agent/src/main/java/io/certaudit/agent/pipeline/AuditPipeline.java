package io.certaudit.agent.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportBuilder;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.HostSnapshot;

/**
 * One audit from end to end, the same for every caller (the {@code audit}, {@code probe} and {@code remediate}
 * commands, the fuzz invariants, the benchmarks): sources are read into one snapshot, the engine runs the catalogue
 * over it, and the result becomes the report model. Each step is a method of its own, so that a caller that needs
 * only the first (reading a host to save it) or adds facts between them (peers, DNS answers) runs the same code.
 */
public final class AuditPipeline {

    private final RuleCatalog catalog;
    private final RuleEngine engine;
    private final ReportBuilder reports;

    /** @param toolVersion the version the reports name as their producer */
    public AuditPipeline(RuleCatalog catalog, String toolVersion) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.engine = new RuleEngine(catalog);
        this.reports = new ReportBuilder(toolVersion);
    }

    /** The pipeline of the built-in rules. */
    public static AuditPipeline builtIn(String toolVersion) {
        return new AuditPipeline(BuiltInRules.catalog(), toolVersion);
    }

    /** The rules this pipeline runs. */
    public RuleCatalog catalog() {
        return catalog;
    }

    /**
     * Reads every source into one host named {@code hostName}; a source that cannot be read at all stops the
     * audit, as it would alone.
     */
    public HostSnapshot read(String hostName, List<HostSource> sources) throws SourceException {
        return Sources.combine(hostName, sources);
    }

    /** Reads one source as it describes itself (its own host name). */
    public HostSnapshot read(HostSource source) throws SourceException {
        return source.read();
    }

    /** Runs the catalogue over {@code snapshot} as of {@code evaluatedAt}. */
    public AuditResult judge(HostSnapshot snapshot, AuditSettings settings, Instant evaluatedAt) {
        return engine.run(snapshot, settings, evaluatedAt);
    }

    /** The report of a finished audit, stamped {@code generatedAt}. */
    public AuditReport report(AuditResult result, Instant generatedAt) {
        return reports.build(result, generatedAt);
    }

    /**
     * The report of a finished audit, stamped {@code generatedAt}, naming why each rule in {@code notRunReasons}
     * did not run (e.g. it needs the machine a capture was made on).
     */
    public AuditReport report(AuditResult result, Instant generatedAt, Map<String, String> notRunReasons) {
        return reports.build(result, generatedAt, notRunReasons);
    }

    /** Judges {@code snapshot} and makes its report: {@link #judge} then {@link #report}. */
    public AuditReport audit(HostSnapshot snapshot, AuditSettings settings, Instant evaluatedAt,
                             Instant generatedAt) {
        return audit(snapshot, settings, evaluatedAt, generatedAt, Map.of());
    }

    /** As {@link #audit(HostSnapshot, AuditSettings, Instant, Instant)}, naming why some rules did not run. */
    public AuditReport audit(HostSnapshot snapshot, AuditSettings settings, Instant evaluatedAt,
                             Instant generatedAt, Map<String, String> notRunReasons) {
        return report(judge(snapshot, settings, evaluatedAt), generatedAt, notRunReasons);
    }
}
