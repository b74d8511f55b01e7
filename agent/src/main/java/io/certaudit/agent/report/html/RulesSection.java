package io.certaudit.agent.report.html;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/** How each rule of the catalogue went, so a reader sees what was checked and passed, not only what failed. */
final class RulesSection implements HtmlSection {

    @Override
    public String id() {
        return "rules";
    }

    @Override
    public String title(ReportIndex index) {
        return "Rules checked (" + index.report().rules().size() + ")";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return !index.report().rules().isEmpty();
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        html.open("table").open("thead").open("tr");
        html.element("th", "Rule").element("th", "Result").element("th", "Checked", "class", "number")
                .element("th", "Findings", "class", "number");
        html.close().close().open("tbody");
        for (AuditReport.RuleResult rule : index.report().rules()) {
            html.open("tr");
            html.open("td").element("code", rule.id()).close();
            html.open("td").element("span", rule.result(), "class", "badge " + resultClass(index, rule));
            if (rule.notRunReason() != null) {
                // Not run because the source cannot give what the rule judges: say why beside the badge.
                html.element("small", " " + rule.notRunReason());
            }
            html.close();
            html.element("td", Integer.toString(rule.checked()), "class", "number");
            html.element("td", Integer.toString(rule.findings()), "class", "number");
            html.close();
        }
        html.close().close();
    }

    /** Failed rules take the colour of their worst finding; passed green; the rest neutral. */
    private static String resultClass(ReportIndex index, AuditReport.RuleResult rule) {
        return switch (rule.result()) {
            case "passed" -> Health.OK.label();
            case "failed" -> Health.worst(index.report().findings().stream()
                    .filter(f -> f.rule().equals(rule.id())).toList()).label();
            case "error" -> Health.WARNING.label();
            default -> "muted";
        };
    }
}
