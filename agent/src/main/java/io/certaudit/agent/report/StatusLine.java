package io.certaudit.agent.report;

/**
 * The one-line summary monitoring shows, in the Nagios plugin style:
 * {@code CERTAUDIT CRITICAL - 2 errors, 1 warning on bems01 (1 service certificate)}.
 */
public final class StatusLine {

    private StatusLine() {
    }

    public static String of(AuditReport report) {
        AuditReport.Summary summary = report.summary();
        return "CERTAUDIT " + report.status() + " - " + count(summary.errors(), "error") + ", "
                + count(summary.warnings(), "warning") + " on " + report.host() + " ("
                + count(summary.serviceCertificates(), "service certificate") + ", "
                + count(summary.certificates(), "certificate") + " audited at " + report.evaluatedAt() + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
