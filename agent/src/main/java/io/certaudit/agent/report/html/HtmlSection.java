package io.certaudit.agent.report.html;

import io.certaudit.agent.report.ReportIndex;

/** One titled part of the HTML report, listed in the contents when it has something to show. */
interface HtmlSection {

    /** The fragment id the contents link to. */
    String id();

    String title(ReportIndex index);

    /** Whether this report has anything for the section; when not, it is left out entirely. */
    boolean appliesTo(ReportIndex index);

    /** The section's content, under its heading. */
    void writeBody(ReportIndex index, Markup html);
}
