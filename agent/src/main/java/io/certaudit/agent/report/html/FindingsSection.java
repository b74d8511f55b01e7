package io.certaudit.agent.report.html;

import java.util.List;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.RemediationSteps;
import io.certaudit.agent.report.ReportIndex;

/** Every finding, worst first as the audit orders them: what is wrong, where, what to do, and the evidence. */
final class FindingsSection implements HtmlSection {

    @Override
    public String id() {
        return "findings";
    }

    @Override
    public String title(ReportIndex index) {
        return "Findings (" + index.report().findings().size() + ")";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return true;
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        if (index.report().findings().isEmpty()) {
            html.element("p", "No findings: every rule passed or did not apply.", "class", "ok");
            return;
        }
        for (AuditReport.FindingEntry finding : index.report().findings()) {
            finding(index, html, finding);
        }
    }

    private static void finding(ReportIndex index, Markup html, AuditReport.FindingEntry finding) {
        Health health = Health.ofSeverity(finding.severity());
        int number = index.number(finding);
        html.open("article", "class", "finding " + health.label(), "id", "finding-" + number);
        html.open("div", "class", "finding-head");
        html.element("span", "#" + number, "class", "number");
        html.element("span", finding.severity(), "class", "badge " + health.label());
        html.element("code", finding.rule(), "class", "rule");
        html.close();
        html.element("div", target(finding), "class", "target");
        html.element("p", finding.message(), "class", "message");
        List<String> steps = RemediationSteps.of(finding);
        if (!steps.isEmpty()) {
            html.element("h4", "What to do");
            if (steps.size() == 1) {
                html.element("p", steps.get(0), "class", "remediation");
            } else {
                html.open("ol", "class", "remediation");
                steps.forEach(step -> html.element("li", step));
                html.close();
            }
        }
        if (finding.evidence() != null && !finding.evidence().isEmpty()) {
            html.element("h4", "Evidence");
            html.open("dl", "class", "facts");
            finding.evidence().forEach((name, value) -> html.element("dt", name).element("dd", value));
            html.close();
        }
        html.close();
    }

    private static String target(AuditReport.FindingEntry finding) {
        if (finding.peer() != null) {
            return "Peer " + finding.peer() + (finding.subject() == null ? "" : " \u2014 " + finding.subject());
        }
        String store = finding.store() == null ? "Host" : ChainPicture.storeLabel(finding.store());
        if (finding.thumbprint() == null) {
            return store;
        }
        return store + " \u2014 " + (finding.subject() == null ? "" : finding.subject() + " \u2014 ")
                + finding.thumbprint();
    }
}
