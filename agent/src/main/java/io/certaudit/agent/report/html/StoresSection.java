package io.certaudit.agent.report.html;

import java.util.Locale;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;
import io.certaudit.model.TrustedIssuerList;

/**
 * The three stores at a glance, and the size of the trusted issuer list SChannel builds from Trusted Root drawn
 * against its 16 KB limit (past it, client-certificate authentication fails).
 */
final class StoresSection implements HtmlSection {

    private static final int GAUGE_WIDTH = 760;
    private static final int TRACK_WIDTH = 600;

    @Override
    public String id() {
        return "stores";
    }

    @Override
    public String title(ReportIndex index) {
        return "Stores and the Trusted Root size";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return true;
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        issuerList(index, html);
        boolean access = index.report().stores().stream().anyMatch(s -> s.access() != null);
        html.open("table").open("thead").open("tr");
        html.element("th", "Store").element("th", "Name").element("th", "Certificates", "class", "number")
                .element("th", "With findings", "class", "number");
        if (access) {
            html.element("th", "Service account can read");
        }
        html.close().close().open("tbody");
        for (AuditReport.Store store : index.report().stores()) {
            long flagged = store.certificates().stream()
                    .filter(c -> !index.findingsOn(store.name(), c.thumbprint()).isEmpty()).count();
            html.open("tr");
            html.open("td").element("code", store.name()).close();
            html.element("td", store.displayName());
            html.element("td", Integer.toString(store.certificates().size()), "class", "number");
            html.element("td", Long.toString(flagged), "class", "number "
                    + (flagged == 0 ? "" : index.health(store).label()));
            if (access) {
                html.element("td", canRead(store.access()));
            }
            html.close();
        }
        html.close().close();
    }

    private static String canRead(AuditReport.Access access) {
        if (access == null) {
            return "not checked";
        }
        if (access.canRead() == null) {
            return "unknown" + (access.unknownReason() == null ? "" : ": " + access.unknownReason());
        }
        return (access.canRead() ? "yes" : "NO") + (access.account() == null ? "" : " (" + access.account() + ")");
    }

    private static void issuerList(ReportIndex index, Markup html) {
        Integer bytes = index.report().summary().rootStoreIssuerListBytes();
        int roots = index.store("ROOT").map(s -> s.certificates().size()).orElse(0);
        if (bytes == null) {
            html.element("p", "The size of the trusted issuer list is not recorded in this report (schema "
                    + index.report().schemaVersion() + "; it is from 1.2 on).", "class", "muted");
            return;
        }
        int limit = TrustedIssuerList.LIMIT_BYTES;
        Health health = bytes > limit ? Health.ERROR : bytes > limit * 3 / 4 ? Health.WARNING : Health.OK;
        html.element("p", String.format(Locale.ROOT, "The names of the %d %s in Trusted Root take %,d bytes of "
                + "the trusted issuer list SChannel sends when it asks for a client certificate: %.1f%% of the "
                + "%,d-byte limit.", roots, roots == 1 ? "entry" : "entries", bytes, bytes * 100.0 / limit, limit),
                "class", "gauge-text");
        double scale = Math.max(limit, bytes) * 1.15;
        double fill = bytes / scale * TRACK_WIDTH;
        double limitX = limit / scale * TRACK_WIDTH;
        html.open("svg", "class", "gauge", "width", Integer.toString(GAUGE_WIDTH), "height", "62", "viewBox",
                "0 0 " + GAUGE_WIDTH + " 62", "role", "img", "aria-labelledby", "gauge-title");
        html.element("title", String.format(Locale.ROOT, "Trusted issuer list: %,d of %,d bytes", bytes, limit),
                "id", "gauge-title");
        html.empty("rect", "class", "track", "x", "1", "y", "20", "width", Svg.n(TRACK_WIDTH), "height", "20",
                "rx", "4");
        html.empty("rect", "class", "fill " + health.label(), "x", "1", "y", "20", "width", Svg.n(Math.max(fill, 1)),
                "height", "20", "rx", "4");
        html.empty("line", "class", "limit", "x1", Svg.n(limitX), "y1", "12", "x2", Svg.n(limitX), "y2", "48");
        html.element("text", "16 KB limit", "x", Svg.n(limitX), "y", "10", "text-anchor", "middle");
        html.element("text", String.format(Locale.ROOT, "%,d bytes", bytes), "x", "1", "y", "58");
        html.element("text", health == Health.ERROR ? "over the limit: client authentication fails"
                : health == Health.WARNING ? "close to the limit" : "within the limit",
                "class", null, "x", Svg.n(TRACK_WIDTH + 12), "y", "35");
        html.close();
    }
}
