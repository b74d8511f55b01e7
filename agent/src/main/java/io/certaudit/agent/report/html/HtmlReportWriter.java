package io.certaudit.agent.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportIndex;
import io.certaudit.agent.report.ReportWriter;

/**
 * Writes the report as one self-contained HTML file to attach to a ticket or an e-mail: no script, no external font,
 * stylesheet or image; the chain pictures and charts are inline SVG. The markup is also well-formed XML, and every
 * value from the report is escaped (a certificate subject may hold anything).
 */
public final class HtmlReportWriter implements ReportWriter {

    /**
     * The sections in page order. Each one decides from the report whether it has anything to show, and the contents
     * list only those that do; a new part of the report is one more entry here.
     */
    private static final List<HtmlSection> SECTIONS = List.of(
            new CertificatesSection(),
            new FindingsSection(),
            new ExpirySection(),
            new PeersSection(),
            new DnsSection(),
            new RevocationSection(),
            new StoresSection(),
            new SchannelSection(),
            new ProblemsSection(),
            new RulesSection());

    private static final String STYLESHEET = loadStylesheet();

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        try {
            write(report, new Markup(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(AuditReport report, Markup html) {
        ReportIndex index = new ReportIndex(report);
        List<HtmlSection> sections = SECTIONS.stream().filter(s -> s.appliesTo(index)).toList();
        html.open("html", "lang", "en");
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", report.status() + " \u00b7 " + report.host() + " \u00b7 certaudit");
        html.styleSheet(STYLESHEET);
        html.close();
        html.open("body").open("div", "class", "page");
        VerdictHeader.write(index, html);
        html.open("nav", "class", "contents", "aria-label", "Contents").open("ol");
        for (HtmlSection section : sections) {
            html.open("li").element("a", section.title(index), "href", "#" + section.id()).close();
        }
        html.close().close();
        html.open("main");
        for (HtmlSection section : sections) {
            html.open("section", "id", section.id(), "aria-labelledby", section.id() + "-heading");
            html.element("h2", section.title(index), "id", section.id() + "-heading");
            section.writeBody(index, html);
            html.close();
        }
        html.close();
        html.open("footer").text("Written by certaudit " + report.tool().version() + " from an audit of schema "
                + report.schemaVersion() + ". Self-contained: this file loads no script, font or image.").close();
        html.close().close().close();
        html.finish();
    }

    private static String loadStylesheet() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
