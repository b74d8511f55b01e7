package io.certaudit.agent.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportFormat;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.report.writers.ReportWriters;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.model.HostSnapshot;
import io.certaudit.testing.TestPki;

/**
 * What must hold for every input a parser is given, however hostile: the source returns a snapshot (or, when
 * nothing at all is readable, a {@link SourceException}) and never throws anything else; every rule runs without
 * throwing; every finding names a catalogued rule; every report format renders and the JSON validates against the
 * schema; and all of it allocates a bounded amount of memory. A violation is an exception, which Jazzer reports as
 * a finding and keeps as a crashing input.
 */
public final class AuditInvariants {

    /**
     * The most one audit of a fuzzed input may allocate (garbage included). An ordinary host takes a few megabytes;
     * inputs are at most a few kilobytes while fuzzing, so anything near this is a length or nesting bomb.
     */
    static final long ALLOCATION_BUDGET = 256L * 1024 * 1024;

    private static final AuditPipeline PIPELINE = AuditPipeline.builtIn("fuzz");
    private static final RuleCatalog CATALOG = PIPELINE.catalog();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * The first audit in a JVM loads most classes (and, when fuzzing, instruments them), which allocates hundreds of
     * megabytes that are the JVM's, not the input's; it is not measured.
     */
    private static boolean warm;

    private AuditInvariants() {
    }

    /** Reads {@code source} and audits what it read, checking every invariant; returns the JSON report, if any. */
    public static Optional<JsonNode> audit(HostSource source) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Optional<JsonNode> report = read(source).map(AuditInvariants::audit);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(!warm || allocated < ALLOCATION_BUDGET, () -> "one audit allocated " + allocated + " bytes");
        warm = true;
        return report;
    }

    /** The snapshot, or empty when the source says nothing at all can be read; anything else it throws escapes. */
    static Optional<HostSnapshot> read(HostSource source) {
        try {
            return Optional.of(PIPELINE.read(source));
        } catch (SourceException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a source failure says why");
            return Optional.empty();
        }
    }

    /** Runs every rule over {@code snapshot} and renders every format; returns the JSON report. */
    static JsonNode audit(HostSnapshot snapshot) {
        AuditResult result = PIPELINE.judge(snapshot, AuditSettings.defaults(), TestPki.NOW);
        for (RuleOutcome outcome : result.outcomes()) {
            assertNotEquals(RuleOutcome.Result.ERROR, outcome.result(), () -> "rule " + outcome.rule() + " threw: "
                    + result.findings().stream().filter(f -> f.rule().equals(outcome.rule())).toList());
        }
        for (Finding finding : result.findings()) {
            assertTrue(CATALOG.find(finding.rule()).isPresent(), () -> "finding without a known rule: " + finding);
            assertFalse(finding.message().isBlank(), () -> "finding without a message: " + finding);
        }
        AuditReport report = PIPELINE.report(result, Instant.EPOCH);
        JsonNode json = null;
        for (ReportFormat format : ReportFormat.values()) {
            String text = render(format, report);
            if (format == ReportFormat.JSON) {
                json = ReportSchema.assertValid(text);
            }
        }
        return json;
    }

    private static String render(ReportFormat format, AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            ReportWriters.of(format).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
