package io.certaudit.agent.report.html;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * The revocation status of each chain certificate, when it was fetched (--check-revocation): a row per certificate
 * with every location asked and what it gave. When it was not fetched the section says so in one line, so that no
 * finding's absence reads as "not revoked".
 */
final class RevocationSection implements HtmlSection {

    @Override
    public String id() {
        return "revocation";
    }

    @Override
    public String title(ReportIndex index) {
        AuditReport.Revocation revocation = index.report().revocation();
        return revocation.checked() ? "Revocation (" + revocation.certificates().size() + ")"
                : "Revocation (not checked)";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return index.report().revocation() != null;
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        AuditReport.Revocation revocation = index.report().revocation();
        if (!revocation.checked()) {
            html.element("p", "Revocation was not checked: " + revocation.notCheckedReason() + ".");
            return;
        }
        html.element("p", revocation.fetches() + " of at most " + revocation.fetchLimit() + " fetches made.");
        html.open("table").open("thead").open("tr");
        html.element("th", "Certificate").element("th", "Where").element("th", "Status").element("th", "Locations");
        html.close().close().open("tbody");
        for (AuditReport.RevocationEntry entry : revocation.certificates()) {
            Health health = switch (entry.status()) {
                case "revoked" -> Health.ERROR;
                case "good" -> Health.OK;
                default -> Health.WARNING;
            };
            html.open("tr");
            html.open("td").text(entry.subject() == null ? "" : entry.subject()).empty("br")
                    .element("code", entry.thumbprint()).close();
            html.element("td", entry.peer() != null ? "peer " + entry.peer() : String.valueOf(entry.store()));
            html.open("td").element("span", entry.status() + (entry.reason() == null ? "" : " (" + entry.reason()
                    + ")"), "class", "badge " + health.label());
            if (entry.revokedAt() != null) {
                html.text(" since " + entry.revokedAt());
            }
            if (entry.unknownReason() != null) {
                html.text(" " + entry.unknownReason());
            }
            html.close();
            html.open("td");
            if (!entry.sources().isEmpty()) {
                html.open("ul", "class", "plain");
                for (AuditReport.RevocationSourceEntry source : entry.sources()) {
                    html.open("li").text(source.kind() + " ").element("code", source.url())
                            .text(": " + source.outcome() + (source.detail() == null ? "" : ", " + source.detail()))
                            .close();
                }
                html.close();
            }
            html.close();
            html.close();
        }
        html.close().close();
    }
}
