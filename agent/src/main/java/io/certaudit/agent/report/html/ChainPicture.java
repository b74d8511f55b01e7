package io.certaudit.agent.report.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Dates;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * A service certificate's chain drawn as inline SVG, leaf on the left: one box per element coloured by its health
 * and labelled with the store it was found in; then how the path ends. A trusted root ends at an anchor; a root
 * missing from Trusted Root at a broken anchor; a missing issuer at a red gap and a dashed box naming it.
 */
final class ChainPicture {

    private static final int BOX_WIDTH = 232;
    private static final int BOX_HEIGHT = 112;
    private static final int GAP = 72;
    private static final int TOP = 22;
    private static final int PAD = 4;
    private static final int ANCHOR_ROOM = 200;
    /** Characters of a name that fit a box at the name's font size. */
    private static final int NAME_CHARS = 24;

    private final ReportIndex index;
    private final Markup svg;

    private ChainPicture(ReportIndex index, Markup svg) {
        this.index = index;
        this.svg = svg;
    }

    /** Draws the chain of {@code leaf} (found in {@code store}); {@code id} makes its title unique on the page. */
    static void draw(ReportIndex index, Markup html, ReportIndex.Located leaf, String id) {
        new ChainPicture(index, html).draw(leaf.certificate().chain(), id);
    }

    private void draw(AuditReport.Chain chain, String id) {
        List<AuditReport.ChainElement> elements = chain.elements();
        boolean incomplete = chain.status().equals("incomplete");
        int boxes = elements.size() + (incomplete ? 1 : 0);
        int width = PAD + boxes * BOX_WIDTH + (boxes - 1) * GAP + (incomplete ? 0 : ANCHOR_ROOM) + PAD;
        int height = TOP + BOX_HEIGHT + PAD;
        svg.open("svg", "class", "chain-svg", "width", Integer.toString(width), "height", Integer.toString(height),
                "viewBox", "0 0 " + width + " " + height, "role", "img", "aria-labelledby", id + "-title");
        svg.element("title", description(chain), "id", id + "-title");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                link(x(i - 1) + BOX_WIDTH, x(i), false);
            }
            element(elements.get(i), role(i, elements.size(), chain.status()), x(i));
        }
        int end = x(elements.size() - 1) + BOX_WIDTH;
        switch (chain.status()) {
            case "complete" -> anchor(end, false);
            case "untrusted-root" -> anchor(end, true);
            default -> {
                link(end, x(elements.size()), true);
                missing(chain.missingIssuer(), x(elements.size()));
            }
        }
        svg.close();
    }

    private static int x(int position) {
        return PAD + position * (BOX_WIDTH + GAP);
    }

    private static String role(int position, int size, String status) {
        boolean reachesRoot = !status.equals("incomplete");
        if (position == 0) {
            return size == 1 && reachesRoot ? "SELF-SIGNED LEAF" : "LEAF";
        }
        return position == size - 1 && reachesRoot ? "ROOT" : "INTERMEDIATE";
    }

    private String description(AuditReport.Chain chain) {
        List<String> parts = new ArrayList<>();
        for (AuditReport.ChainElement element : chain.elements()) {
            parts.add(ReportIndex.commonName(element.subject()) + " in " + element.store() + " ("
                    + index.health(element.store(), element.thumbprint()).label() + ")");
        }
        String ending = switch (chain.status()) {
            case "complete" -> "the root is in Trusted Root";
            case "untrusted-root" -> "the root is NOT in Trusted Root";
            default -> "the issuer " + chain.missingIssuer() + " is in no store";
        };
        return "Certificate chain: " + String.join(", issued by ", parts) + "; " + ending + ".";
    }

    private void element(AuditReport.ChainElement element, String role, int x) {
        Health health = index.health(element.store(), element.thumbprint());
        svg.element("text", role, "class", "role", "x", Svg.n(x + 2), "y", Svg.n(TOP - 7));
        svg.open("g", "class", "box " + health.label());
        svg.element("title", element.subject() + "\nstore: " + element.store() + "\nthumbprint: "
                + element.thumbprint());
        svg.empty("rect", "class", "frame", "x", Svg.n(x), "y", Svg.n(TOP), "width", Svg.n(BOX_WIDTH), "height",
                Svg.n(BOX_HEIGHT), "rx", "8");
        line(x, 24, "name", Svg.shorten(ReportIndex.commonName(element.subject()), NAME_CHARS));
        line(x, 44, null, "in " + storeLabel(element.store()));
        line(x, 62, "thumb", Svg.shortThumbprint(element.thumbprint()));
        line(x, 81, null, validity(element));
        line(x, 101, "state", state(element, health));
        svg.close();
    }

    private void line(int x, int dy, String cssClass, String text) {
        svg.element("text", text, "class", cssClass, "x", Svg.n(x + 12), "y", Svg.n(TOP + dy));
    }

    static String storeLabel(String store) {
        return switch (store) {
            case "MY" -> "MY \u00b7 Personal";
            case "CA" -> "CA \u00b7 Intermediate";
            case "ROOT" -> "ROOT \u00b7 Trusted Root";
            case "DISALLOWED" -> "DISALLOWED \u00b7 Untrusted";
            case "CLIENT_AUTH_ISSUER" -> "CLIENT_AUTH_ISSUER \u00b7 Client Authentication Issuers";
            default -> store;
        };
    }

    private String validity(AuditReport.ChainElement element) {
        Long days = index.daysFromAudit(element.notAfter());
        String day = Dates.day(element.notAfter());
        if (days != null && days < 0) {
            return "EXPIRED " + day;
        }
        Instant notBefore = index.certificate(element.store(), element.thumbprint())
                .map(c -> Dates.parse(c.notBefore())).orElse(null);
        if (notBefore != null && index.evaluatedAt() != null && notBefore.isAfter(index.evaluatedAt())) {
            return "NOT YET VALID, from " + Dates.day(notBefore);
        }
        return "expires " + day;
    }

    private String state(AuditReport.ChainElement element, Health health) {
        List<AuditReport.FindingEntry> findings = index.findingsOn(element.store(), element.thumbprint());
        if (findings.isEmpty()) {
            return "OK";
        }
        long errors = findings.stream().filter(f -> Health.ofSeverity(f.severity()) == Health.ERROR).count();
        long warnings = findings.stream().filter(f -> Health.ofSeverity(f.severity()) == Health.WARNING).count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        return parts.isEmpty() ? findings.size() + " info" : String.join(", ", parts) + (health == Health.ERROR
                ? " \u2013 see findings" : "");
    }

    /** The issued-by connector from {@code from} to {@code to}; a broken one is dashed red. */
    private void link(int from, int to, boolean gap) {
        int y = TOP + BOX_HEIGHT / 2;
        svg.open("g", "class", gap ? "link gap" : "link");
        svg.empty("line", "x1", Svg.n(from), "y1", Svg.n(y), "x2", Svg.n(to - 9), "y2", Svg.n(y));
        svg.empty("polygon", "points", Svg.n(to - 10) + "," + Svg.n(y - 6) + " " + Svg.n(to) + "," + Svg.n(y) + " "
                + Svg.n(to - 10) + "," + Svg.n(y + 6));
        svg.element("text", gap ? "missing" : "issued by", "x", Svg.n((from + to) / 2.0), "y", Svg.n(y - 8),
                "text-anchor", "middle");
        svg.close();
    }

    /** The dashed box where the missing issuer should be. */
    private void missing(String issuer, int x) {
        svg.element("text", "MISSING ISSUER", "class", "role", "x", Svg.n(x + 2), "y", Svg.n(TOP - 7));
        svg.open("g", "class", "box missing");
        svg.element("title", "Missing issuer: " + issuer + "\nfound in no store (MY, CA, ROOT)");
        svg.empty("rect", "class", "frame", "x", Svg.n(x), "y", Svg.n(TOP), "width", Svg.n(BOX_WIDTH), "height",
                Svg.n(BOX_HEIGHT), "rx", "8");
        line(x, 24, "name", Svg.shorten(ReportIndex.commonName(issuer), NAME_CHARS));
        line(x, 44, null, "found in no store");
        line(x, 62, null, "(not in MY, CA or ROOT)");
        line(x, 101, "state", "chain broken here");
        svg.close();
    }

    /** An anchor after the root: whole and green when Trusted Root holds it, broken and red when not. */
    private void anchor(int end, boolean broken) {
        int y = TOP + BOX_HEIGHT / 2;
        int ax = end + 44;
        svg.open("g", "class", broken ? "link gap" : "link");
        svg.empty("line", "x1", Svg.n(end), "y1", Svg.n(y), "x2", Svg.n(ax - 24), "y2", Svg.n(y));
        svg.close();
        svg.open("g", "class", broken ? "anchor error" : "anchor ok");
        if (broken) {
            svg.open("g", "transform", "rotate(-16 " + ax + " " + y + ")");
            anchorTop(ax, y, y - 3);
            svg.close();
            svg.open("g", "transform", "translate(5 5) rotate(14 " + ax + " " + y + ")");
            anchorBottom(ax, y, y + 6);
            svg.close();
        } else {
            anchorTop(ax, y, y + 22);
            anchorBottom(ax, y, y + 22);
        }
        svg.element("text", broken ? "Not trusted" : "Trusted", "x", Svg.n(ax + 30), "y", Svg.n(y - 4));
        svg.element("text", broken ? "root not in Trusted Root" : "root in Trusted Root", "class", "note",
                "x", Svg.n(ax + 30), "y", Svg.n(y + 12));
        svg.close();
    }

    private void anchorTop(int ax, int y, int shankEnd) {
        svg.empty("circle", "cx", Svg.n(ax), "cy", Svg.n(y - 27), "r", "6");
        svg.empty("line", "x1", Svg.n(ax), "y1", Svg.n(y - 21), "x2", Svg.n(ax), "y2", Svg.n(shankEnd));
        svg.empty("line", "x1", Svg.n(ax - 12), "y1", Svg.n(y - 11), "x2", Svg.n(ax + 12), "y2", Svg.n(y - 11));
    }

    private void anchorBottom(int ax, int y, int shankStart) {
        svg.empty("line", "x1", Svg.n(ax), "y1", Svg.n(shankStart), "x2", Svg.n(ax), "y2", Svg.n(y + 24));
        svg.empty("path", "d", "M " + (ax - 20) + " " + (y + 8) + " Q " + (ax - 18) + " " + (y + 26) + " " + ax + " "
                + (y + 26) + " Q " + (ax + 18) + " " + (y + 26) + " " + (ax + 20) + " " + (y + 8));
    }
}
