package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes the audit as newline-delimited JSON for log shippers: one {@code "type":"finding"} object per finding, each
 * carrying the host, the time of the run, its status, the rule, severity, store, thumbprint and subject, then one
 * {@code "type":"run"} object with the counts, so a run without findings still leaves a line to alert on. Each line
 * is a complete JSON object ended by LF; no object spans lines.
 */
public final class NdjsonReportWriter implements ReportWriter {

    private static final ObjectWriter LINE = JsonMapper.builder(Json.factory()).build().writer()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** One finding, flattened with what identifies the run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "timestamp", "host", "status", "rule", "severity", "store", "thumbprint", "subject",
            "message", "remediation", "evidence", "remediationSteps"})
    record FindingLine(String type, String timestamp, String host, String status, String rule, String severity,
                       String store, String thumbprint, String subject, String message, String remediation,
                       Map<String, String> evidence, List<String> remediationSteps) {
    }

    /** The run itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "timestamp", "host", "status", "exitCode", "evaluatedAt", "findings", "errors",
            "warnings", "info", "certificates", "serviceCertificates", "unreadableEntries", "version"})
    record RunLine(String type, String timestamp, String host, String status, int exitCode, String evaluatedAt,
                   int findings, int errors, int warnings, int info, int certificates, int serviceCertificates,
                   int unreadableEntries, String version) {
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        for (AuditReport.FindingEntry finding : report.findings()) {
            line(out, new FindingLine("finding", report.generatedAt(), report.host(), report.status(),
                    finding.rule(), finding.severity(), finding.store(), finding.thumbprint(), finding.subject(),
                    finding.message(), finding.remediation(),
                    finding.evidence() == null || finding.evidence().isEmpty() ? null : finding.evidence(),
                    finding.remediationSteps() == null || finding.remediationSteps().isEmpty() ? null
                            : finding.remediationSteps()));
        }
        AuditReport.Summary summary = report.summary();
        line(out, new RunLine("run", report.generatedAt(), report.host(), report.status(), report.exitCode(),
                report.evaluatedAt(), summary.findings(), summary.errors(), summary.warnings(), summary.info(),
                summary.certificates(), summary.serviceCertificates(), summary.problems(), report.tool().version()));
        out.flush();
    }

    private static void line(Writer out, Object value) throws IOException {
        // The compact writer escapes control characters inside strings, so a line feed in a subject stays "\n".
        out.write(LINE.writeValueAsString(value));
        out.write('\n');
    }
}
