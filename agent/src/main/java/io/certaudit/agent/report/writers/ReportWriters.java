package io.certaudit.agent.report.writers;

import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.agent.report.NdjsonReportWriter;
import io.certaudit.agent.report.PrometheusTextfileWriter;
import io.certaudit.agent.report.ReportFormat;
import io.certaudit.agent.report.ReportWriter;
import io.certaudit.agent.report.TextReportWriter;
import io.certaudit.agent.report.html.HtmlReportWriter;

/**
 * The writer of each {@link ReportFormat}. It lives outside {@code report} because the HTML writer is built on the
 * report model: a format enum that named it would make the model need its own renderer back.
 */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** A new writer for {@code format}. */
    public static ReportWriter of(ReportFormat format) {
        return switch (format) {
            case JSON -> new JsonReportWriter();
            case TEXT -> new TextReportWriter();
            case PROMETHEUS -> new PrometheusTextfileWriter();
            case NDJSON -> new NdjsonReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
