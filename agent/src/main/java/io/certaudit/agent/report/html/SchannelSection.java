package io.certaudit.agent.report.html;

import io.certaudit.agent.report.ReportIndex;
import io.certaudit.agent.report.SchannelRows;

/**
 * The SCHANNEL settings (SendTrustedIssuerList, ClientAuthTrustMode) and the Windows version the sources read, with
 * where they were read. Only in reports whose sources read either (live Windows, a .reg export of the keys, a
 * capture of those); the findings they lead to are in the findings section.
 */
final class SchannelSection implements HtmlSection {

    @Override
    public String id() {
        return "schannel";
    }

    @Override
    public String title(ReportIndex index) {
        return "SCHANNEL settings";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return SchannelRows.known(index.report());
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        html.element("p", "How Schannel on this host asks for and trusts client certificates, as the registry "
                + "holds it; an absent value takes Windows' default.", "class", "muted");
        html.open("table").open("tbody");
        for (SchannelRows.Row row : SchannelRows.of(index.report().schannel())) {
            html.open("tr");
            html.open("th").element("code", row.name()).close();
            if (row.health() == null) {
                html.element("td", row.value());
            } else {
                html.element("td", row.value(), "class", row.health().label());
            }
            html.close();
        }
        html.close().close();
    }
}
