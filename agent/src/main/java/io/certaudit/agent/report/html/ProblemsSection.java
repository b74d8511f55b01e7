package io.certaudit.agent.report.html;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportIndex;

/** The store entries the source could not read, each with where it was and why. */
final class ProblemsSection implements HtmlSection {

    @Override
    public String id() {
        return "unreadable";
    }

    @Override
    public String title(ReportIndex index) {
        return "Unreadable entries (" + index.report().problems().size() + ")";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return !index.report().problems().isEmpty();
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        html.open("table").open("thead").open("tr");
        html.element("th", "Store").element("th", "Entry").element("th", "Problem");
        html.close().close().open("tbody");
        for (AuditReport.Problem problem : index.report().problems()) {
            html.open("tr");
            html.element("td", problem.store() == null ? "-" : problem.store());
            html.open("td").element("code", problem.origin()).close();
            html.element("td", problem.message());
            html.close();
        }
        html.close().close();
    }
}
