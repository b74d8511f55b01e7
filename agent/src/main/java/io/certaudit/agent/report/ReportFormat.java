package io.certaudit.agent.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The formats an audit can be written in. */
public enum ReportFormat {
    /** The audit itself, schema v1: what monitoring and {@code certaudit report} read. */
    JSON(JsonReportWriter::new),
    /** For people at a terminal: status line, findings by certificate worst first, service certificate table. */
    TEXT(TextReportWriter::new),
    /** A textfile for windows_exporter's or node_exporter's textfile collector (Prometheus text format). */
    PROMETHEUS(PrometheusTextfileWriter::new),
    /** One JSON object per finding and one per run, a line each, for log shippers. */
    NDJSON(NdjsonReportWriter::new),
    /** One self-contained file for people: verdict, certificate cards with chain pictures, findings, charts. */
    HTML(io.certaudit.agent.report.html.HtmlReportWriter::new);

    private final Supplier<ReportWriter> writer;

    ReportFormat(Supplier<ReportWriter> writer) {
        this.writer = writer;
    }

    public ReportWriter writer() {
        return writer.get();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(label.trim())).findFirst();
    }
}
