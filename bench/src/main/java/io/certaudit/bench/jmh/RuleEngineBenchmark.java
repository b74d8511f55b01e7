package io.certaudit.bench.jmh;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;

/**
 * Rule evaluation and the report: the whole catalogue over a snapshot (chain analysis included, as the engine runs
 * it), and the JSON report of a finished audit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEngineBenchmark {

    /** The audit as the command line runs it. */
    private static final AuditPipeline PIPELINE = AuditPipeline.builtIn("bench");

    /** One audit's result and report, made once, for the report benchmarks. */
    @State(Scope.Benchmark)
    public static class Audited {
        AuditResult result;
        AuditReport report;

        @Setup
        public void audit(SyntheticSnapshot host) {
            result = PIPELINE.judge(host.snapshot, settings(), host.at);
            report = PIPELINE.report(result, Instant.EPOCH);
        }
    }

    @Benchmark
    public AuditResult runCatalogue(SyntheticSnapshot host) {
        return PIPELINE.judge(host.snapshot, settings(), host.at);
    }

    @Benchmark
    public AuditReport buildReport(Audited audited) {
        return PIPELINE.report(audited.result, Instant.EPOCH);
    }

    @Benchmark
    public void writeJson(Audited audited) throws IOException {
        new JsonReportWriter().write(audited.report, Writer.nullWriter());
    }

    private static AuditSettings settings() {
        return new AuditSettings(null, List.of(), null, AuditSettings.DEFAULT_EXPIRY_WARNING_DAYS, Map.of(), Set.of());
    }
}
