package io.certaudit.agent.eventlog;

import java.util.List;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.SafeText;
import io.certaudit.agent.report.StatusLine;

/**
 * Turns a run into its one event. The event id says the status, so an event-log query or a SCOM rule can select on
 * the id alone; the type makes Event Viewer show it the same way. The text is the status line, then the findings
 * (worst first, as in the report), then where the full audit is. Every value taken from the audit is one line
 * ({@link SafeText#line}): an event reader sees no forged line, escape sequence or reordered text.
 */
public final class AuditEvents {

    /** The audit found no warning or error. */
    public static final int OK = 1000;
    /** Warnings, no errors. */
    public static final int WARNING = 1001;
    /** At least one error. */
    public static final int CRITICAL = 1002;
    /** The audit could not run. */
    public static final int UNKNOWN = 1003;

    /** Findings listed one per line in the event before it points to the report for the rest. */
    static final int LISTED_FINDINGS = 50;

    private AuditEvents() {
    }

    /** The event of a finished audit. {@code reportLocation} says where the JSON audit is, or is null. */
    public static EventEntry of(AuditReport report, String reportLocation) {
        StringBuilder text = new StringBuilder(StatusLine.of(report)).append('\n');
        List<AuditReport.FindingEntry> findings = report.findings();
        for (int i = 0; i < Math.min(findings.size(), LISTED_FINDINGS); i++) {
            AuditReport.FindingEntry finding = findings.get(i);
            text.append('\n').append(SafeText.line(finding.severity()).toUpperCase(java.util.Locale.ROOT))
                    .append(' ').append(SafeText.line(finding.rule()));
            if (finding.thumbprint() != null) {
                text.append(' ').append(finding.store() == null ? "" : SafeText.line(finding.store()) + " ")
                        .append(SafeText.line(finding.thumbprint()));
            }
            text.append(": ").append(SafeText.line(finding.message()));
        }
        if (findings.size() > LISTED_FINDINGS) {
            text.append("\n... and ").append(findings.size() - LISTED_FINDINGS).append(" more findings");
        }
        if (reportLocation != null) {
            text.append("\n\nFull audit: ").append(SafeText.line(reportLocation));
        }
        return switch (report.status()) {
            case "OK" -> new EventEntry(EventType.INFORMATION, OK, text.toString());
            case "WARNING" -> new EventEntry(EventType.WARNING, WARNING, text.toString());
            default -> new EventEntry(EventType.ERROR, CRITICAL, text.toString());
        };
    }

    /** The event of a run that could not audit: the same message the command prints. */
    public static EventEntry failure(String host, String message) {
        return new EventEntry(EventType.ERROR, UNKNOWN, "CERTAUDIT UNKNOWN - the audit could not run on "
                + SafeText.line(host) + ": " + SafeText.line(message));
    }
}
