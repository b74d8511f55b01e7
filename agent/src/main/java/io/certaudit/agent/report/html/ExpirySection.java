package io.certaudit.agent.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Dates;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * The validity of every certificate in the service chains on one timeline, soonest expiry first, with the audit's
 * instant and the expiry warning period marked. The window centres on the audit: a year or more ahead, a quarter of
 * that behind; a bar that goes on past the axis's end is cut there and marked with an arrow, its date beside it.
 */
final class ExpirySection implements HtmlSection {

    private static final int WIDTH = 1100;
    private static final int LABEL_WIDTH = 330;
    private static final int EXPIRY_WIDTH = 200;
    private static final int BAR_WIDTH = WIDTH - LABEL_WIDTH - EXPIRY_WIDTH - 10;
    private static final int TOP = 26;
    private static final int ROW = 26;
    private static final int BOTTOM = 26;
    private static final Duration MIN_AHEAD = Duration.ofDays(366);
    private static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);
    /** Rows beyond this many would make the picture unreadable; the stores table lists the rest. */
    private static final int MAX_ROWS = 40;

    /** One certificate on the timeline. */
    private record Row(String role, String name, String store, Instant notBefore, Instant notAfter) {
    }

    @Override
    public String id() {
        return "expiry";
    }

    @Override
    public String title(ReportIndex index) {
        return "Expiry";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return index.evaluatedAt() != null && !rows(index).isEmpty();
    }

    /** The distinct certificates of the service chains (a shared CA once), soonest expiry first. */
    private static List<Row> rows(ReportIndex index) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ReportIndex.Located located : index.serviceCertificates()) {
            AuditReport.Chain chain = located.certificate().chain();
            if (chain == null) {
                continue;
            }
            List<AuditReport.ChainElement> elements = chain.elements();
            for (int i = 0; i < elements.size(); i++) {
                AuditReport.ChainElement element = elements.get(i);
                Instant notAfter = Dates.parse(element.notAfter());
                if (notAfter == null) {
                    continue;
                }
                Instant notBefore = index.certificate(element.store(), element.thumbprint())
                        .map(c -> Dates.parse(c.notBefore())).orElse(null);
                String role = i == 0 ? "leaf" : i == elements.size() - 1 && !chain.status().equals("incomplete")
                        ? "root" : "intermediate";
                rows.putIfAbsent(element.thumbprint(), new Row(role, ReportIndex.commonName(element.subject()),
                        element.store(), notBefore, notAfter));
            }
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(Row::notAfter));
        return sorted.size() > MAX_ROWS ? sorted.subList(0, MAX_ROWS) : sorted;
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        List<Row> rows = rows(index);
        Instant now = index.evaluatedAt();
        int warningDays = index.report().settings().expiryWarningDays();
        Instant latest = rows.stream().map(Row::notAfter).max(Comparator.naturalOrder()).orElse(now);
        Duration ahead = Duration.between(now, latest).plusDays(60);
        ahead = ahead.compareTo(MIN_AHEAD) < 0 ? MIN_AHEAD : ahead.compareTo(MAX_AHEAD) > 0 ? MAX_AHEAD : ahead;
        Window window = new Window(now.minus(ahead.dividedBy(4)), now.plus(ahead));
        int height = TOP + rows.size() * ROW + BOTTOM;

        boolean clipped = rows.stream().anyMatch(row -> row.notAfter().isAfter(window.end()));
        html.element("p", "When each certificate of the service chains expires, soonest first. The shaded band is "
                + "the expiry warning period (" + warningDays + " days) after the audit (the black line)."
                + (clipped ? " The axis ends " + Dates.day(window.end()) + ": a bar ending in an arrow goes on past "
                + "it, to the date written on its right." : ""));
        html.open("figure", "class", "chain");
        html.open("svg", "class", "timeline", "width", Integer.toString(WIDTH), "height", Integer.toString(height),
                "viewBox", "0 0 " + WIDTH + " " + height, "role", "img", "aria-labelledby", "expiry-title");
        html.element("title", "Expiry timeline of " + rows.size() + " certificates", "id", "expiry-title");
        double nowX = window.x(now);
        double horizonX = window.x(now.plus(Duration.ofDays(warningDays)));
        html.empty("rect", "class", "horizon", "x", Svg.n(nowX), "y", Svg.n(TOP - 4), "width",
                Svg.n(horizonX - nowX), "height", Svg.n(rows.size() * ROW + 4));
        ticks(html, window, height);
        for (int i = 0; i < rows.size(); i++) {
            row(html, index, window, rows.get(i), TOP + i * ROW, warningDays);
        }
        html.empty("line", "class", "now", "x1", Svg.n(nowX), "y1", Svg.n(TOP - 10), "x2", Svg.n(nowX), "y2",
                Svg.n(TOP + rows.size() * ROW));
        html.element("text", "audit " + Dates.day(now), "x", Svg.n(nowX), "y", Svg.n(TOP - 13), "text-anchor",
                "middle");
        html.close();
        html.close();
    }

    /** The horizontal scale: instants to x positions in the bar area, clamped to it. */
    private record Window(Instant start, Instant end) {
        double x(Instant instant) {
            double span = Duration.between(start, end).toSeconds();
            double at = Duration.between(start, instant).toSeconds() / span;
            return LABEL_WIDTH + Math.max(0, Math.min(1, at)) * BAR_WIDTH;
        }
    }

    /** A line and a label at each New Year in the window (every other one when the window is long). */
    private static void ticks(Markup html, Window window, int height) {
        int first = LocalDate.ofInstant(window.start(), ZoneOffset.UTC).getYear() + 1;
        int last = LocalDate.ofInstant(window.end(), ZoneOffset.UTC).getYear();
        int step = last - first > 6 ? 2 : 1;
        for (int year = first; year <= last; year += step) {
            double x = window.x(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
            html.empty("line", "class", "grid", "x1", Svg.n(x), "y1", Svg.n(TOP - 4), "x2", Svg.n(x), "y2",
                    Svg.n(height - BOTTOM + 4));
            html.element("text", Integer.toString(year), "class", "tick", "x", Svg.n(x), "y", Svg.n(height - 8),
                    "text-anchor", "middle");
        }
    }

    private static void row(Markup html, ReportIndex index, Window window, Row row, int y, int warningDays) {
        long days = Dates.daysBetween(index.evaluatedAt(), row.notAfter());
        boolean notYetValid = row.notBefore() != null && row.notBefore().isAfter(index.evaluatedAt());
        Health health = days < 0 || notYetValid ? Health.ERROR : days <= warningDays ? Health.WARNING : Health.OK;
        html.open("g");
        html.element("title", row.role() + ": " + row.name() + " (" + row.store() + "), valid "
                + (row.notBefore() == null ? "" : Dates.day(row.notBefore())) + " to " + Dates.day(row.notAfter()));
        html.element("text", Svg.shorten(row.role() + " \u00b7 " + row.name(), 44), "x", "0", "y",
                Svg.n(y + 16));
        double from = window.x(row.notBefore() == null ? window.start() : row.notBefore());
        double to = window.x(row.notAfter());
        html.empty("rect", "class", "bar " + health.label(), "x", Svg.n(from), "y", Svg.n(y + 7), "width",
                Svg.n(Math.max(to - from, 2)), "height", "12", "rx", "3");
        if (row.notAfter().isAfter(window.end())) {
            // Cut at the axis's end: an arrow past the end says the bar goes on, so that a 2036 leaf and a 2046
            // root do not seem to end together.
            double end = LABEL_WIDTH + BAR_WIDTH;
            html.open("polygon", "class", "clipped " + health.label(), "points", Svg.n(end) + "," + Svg.n(y + 4)
                    + " " + Svg.n(end + 9) + "," + Svg.n(y + 13) + " " + Svg.n(end) + "," + Svg.n(y + 22));
            html.element("title", "goes on past the axis's end (" + Dates.day(window.end()) + ") to "
                    + Dates.day(row.notAfter()));
            html.close();
        }
        String expiry = days < 0 ? "expired " + Dates.day(row.notAfter())
                : notYetValid ? "not valid until " + Dates.day(row.notBefore())
                : Dates.day(row.notAfter()) + " \u00b7 " + Dates.relative(days);
        html.element("text", expiry, "class", "expiry " + health.label(), "x", Svg.n(LABEL_WIDTH + BAR_WIDTH + 14),
                "y", Svg.n(y + 16));
        html.close();
    }
}
