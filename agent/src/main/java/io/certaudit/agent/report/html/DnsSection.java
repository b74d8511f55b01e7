package io.certaudit.agent.report.html;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * What this machine's resolver answered for each configured name (pool FQDN, instances, gateway address), with the
 * addresses the settings expect. Only in reports of audits run with {@code --check-dns}; the findings about the
 * names are in the findings section, since the rules, not this table, judge a mismatch.
 */
final class DnsSection implements HtmlSection {

    @Override
    public String id() {
        return "dns";
    }

    @Override
    public String title(ReportIndex index) {
        return "DNS (" + index.report().dns().names().size() + " names)";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return index.report().dns() != null && index.report().dns().checked();
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        html.element("p", "Resolved with this machine's resolver, as the services on it would.", "class", "muted");
        html.open("table").open("thead").open("tr");
        html.element("th", "Name").element("th", "Role").element("th", "Answer").element("th", "Expected");
        html.close().close().open("tbody");
        for (AuditReport.NameResolutionEntry name : index.report().dns().names()) {
            html.open("tr");
            html.open("td").element("code", name.name()).close();
            html.element("td", name.role());
            if ("resolved".equals(name.outcome())) {
                html.element("td", String.join(", ", name.addresses()));
            } else {
                Health health = "not-found".equals(name.outcome()) ? Health.ERROR : Health.WARNING;
                html.element("td", name.outcome() + (name.message() == null ? "" : ": " + name.message()), "class",
                        health.label());
            }
            html.element("td", name.expectedAddresses() == null || name.expectedAddresses().isEmpty() ? "-"
                    : String.join(", ", name.expectedAddresses()));
            html.close();
        }
        html.close().close();
    }
}
