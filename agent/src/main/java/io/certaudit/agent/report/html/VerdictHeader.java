package io.certaudit.agent.report.html;

import java.util.List;
import java.util.Map;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Dates;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/** The top of the page: the verdict in words, the counts, the most urgent findings, and what was audited how. */
final class VerdictHeader {

    /** How many findings the header names before pointing to the list. */
    private static final int URGENT = 3;

    private VerdictHeader() {
    }

    static void write(ReportIndex index, Markup html) {
        AuditReport report = index.report();
        Health health = Health.ofStatus(report.status());
        html.open("header", "class", "verdict " + health.label());
        html.element("h1", "Certificate audit of " + report.host());
        html.open("p", "class", "meaning");
        html.element("span", report.status(), "class", "status " + health.label());
        html.text(" " + meaning(report.status()));
        html.close();
        counts(report, html);
        urgent(index, html);
        facts(report, html);
        html.close();
    }

    private static String meaning(String status) {
        return switch (status) {
            case "CRITICAL" -> "At least one problem stops mutual TLS from working, or will.";
            case "WARNING" -> "Nothing blocks mutual TLS today, but some findings need attention.";
            default -> "No problem found: the certificates meet every rule checked.";
        };
    }

    private static void counts(AuditReport report, Markup html) {
        AuditReport.Summary summary = report.summary();
        html.open("ul", "class", "counts");
        count(html, summary.errors(), "error", summary.errors() > 0 ? Health.ERROR : null);
        count(html, summary.warnings(), "warning", summary.warnings() > 0 ? Health.WARNING : null);
        count(html, summary.info(), "info", null);
        count(html, summary.serviceCertificates(), "service certificate", null);
        count(html, summary.certificates(), "certificate", null);
        if (summary.problems() > 0) {
            count(html, summary.problems(), "unreadable entry", Health.WARNING);
        }
        html.close();
    }

    private static void count(Markup html, int n, String noun, Health health) {
        String plural = n == 1 || noun.equals("info") ? noun
                : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        html.open("li", "class", health == null ? null : health.label())
                .element("strong", Integer.toString(n)).text(" " + plural).close();
    }

    private static void urgent(ReportIndex index, Markup html) {
        List<AuditReport.FindingEntry> urgent = index.report().findings().stream()
                .filter(f -> Health.ofSeverity(f.severity()) != Health.INFO).limit(URGENT).toList();
        if (urgent.isEmpty()) {
            return;
        }
        html.open("p").element("strong", "Most urgent").close();
        html.open("ul", "class", "plain");
        for (AuditReport.FindingEntry finding : urgent) {
            html.open("li");
            html.element("span", finding.severity(), "class", "badge " + Health.ofSeverity(finding.severity()).label());
            html.text(" ").open("a", "href", "#finding-" + index.number(finding)).element("code", finding.rule())
                    .close();
            html.text(": " + finding.message());
            html.close();
        }
        html.close();
    }

    private static void facts(AuditReport report, Markup html) {
        AuditReport.Settings settings = report.settings();
        html.open("dl", "class", "facts");
        fact(html, "Audited at", Dates.minute(report.evaluatedAt()));
        fact(html, "Report written", Dates.minute(report.generatedAt()));
        fact(html, "Source", report.source());
        fact(html, "Run as administrator", report.auditElevated() == null ? null : switch (report.auditElevated()) {
            case "yes" -> "yes";
            case "no" -> "no: facts only an elevated audit can establish (a machine key's presence, a key file's "
                    + "permissions) are unknown";
            default -> "unknown (not a live audit of this host, or the audit could not tell)";
        });
        fact(html, "Pool FQDN", settings.poolFqdn());
        if (settings.instanceFqdns() != null && !settings.instanceFqdns().isEmpty()) {
            fact(html, "Instance FQDNs", String.join(", ", settings.instanceFqdns()));
        }
        fact(html, "Gateway address", settings.gatewayAddress());
        fact(html, "Expiry warning", settings.expiryWarningDays() + " days before a certificate expires");
        if (report.serviceAccount() != null) {
            AuditReport.Account account = report.serviceAccount();
            fact(html, "Service account", account.name() + (account.sid() == null ? "" : " (" + account.sid() + ")")
                    + (account.foundBy() == null ? "" : ", from " + account.foundBy()));
        }
        if (settings.severityOverrides() != null && !settings.severityOverrides().isEmpty()) {
            fact(html, "Severity overrides", String.join(", ", settings.severityOverrides().entrySet().stream()
                    .map(Map.Entry::toString).toList()));
        }
        if (settings.disabledRules() != null && !settings.disabledRules().isEmpty()) {
            fact(html, "Rules turned off", String.join(", ", settings.disabledRules()));
        }
        if (report.hostFacts() != null) {
            report.hostFacts().forEach((name, value) -> fact(html, name, value));
        }
        html.close();
    }

    /** A fact when it is known; unknown facts are left out rather than shown empty. */
    static void fact(Markup html, String name, String value) {
        if (value != null && !value.isBlank()) {
            html.element("dt", name).element("dd", value);
        }
    }
}
