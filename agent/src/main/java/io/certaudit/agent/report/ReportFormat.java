package io.certaudit.agent.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats an audit can be written in; {@code ReportWriters} gives the writer of each. */
public enum ReportFormat {
    /** The audit itself, schema v1: what monitoring and {@code certaudit report} read. */
    JSON,
    /** For people at a terminal: status line, findings by certificate worst first, service certificate table. */
    TEXT,
    /** A textfile for windows_exporter's or node_exporter's textfile collector (Prometheus text format). */
    PROMETHEUS,
    /** One JSON object per finding and one per run, a line each, for log shippers. */
    NDJSON,
    /** One self-contained file for people: verdict, certificate cards with chain pictures, findings, charts. */
    HTML;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(label.trim())).findFirst();
    }
}
