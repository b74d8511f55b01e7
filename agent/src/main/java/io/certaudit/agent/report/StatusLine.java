package io.certaudit.agent.report;

import java.util.List;

/**
 * The one-line summary monitoring shows, in the Nagios plugin style, naming the worst finding:
 * {@code CERTAUDIT CRITICAL - 2 errors, 1 warning on bems01: chain-incomplete on bemsapppool.example.com and 2 more
 * (1 service certificate, 6 certificates audited at 2026-06-01T12:00:00Z)}.
 *
 * <p>It is one line of at most {@link #MAX_LENGTH} characters whatever the certificates hold: the counts in
 * parentheses are left out first, then the name is shortened to fit; control and bidirectional formatting
 * characters and unpaired surrogates become {@code ?}, and
 * {@code |} (where plugin performance data would start) becomes {@code /}.
 */
public final class StatusLine {

    /** Short enough for a monitoring console's status column and for NRPE's smallest output buffer. */
    public static final int MAX_LENGTH = 200;

    private static final String ELLIPSIS = "...";
    /** Below this much room a shortened name says nothing; the rule id alone is clearer. */
    private static final int MIN_NAME = 16;

    private StatusLine() {
    }

    public static String of(AuditReport report) {
        AuditReport.Summary summary = report.summary();
        String head = "CERTAUDIT " + report.status() + " - " + count(summary.errors(), "error") + ", "
                + count(summary.warnings(), "warning") + " on " + clean(report.host());
        String tail = " (" + count(summary.serviceCertificates(), "service certificate") + ", "
                + count(summary.certificates(), "certificate") + " audited at " + clean(report.evaluatedAt()) + ")";
        List<AuditReport.FindingEntry> counted = report.findings().stream()
                .filter(f -> Health.ofSeverity(f.severity()) != Health.INFO).toList();
        if (counted.isEmpty()) {
            return shorten(head + tail, MAX_LENGTH);
        }
        AuditReport.FindingEntry first = counted.get(0);
        String rule = ": " + clean(first.rule());
        String name = first.peer() != null ? " on " + clean(first.peer())
                : first.subject() == null ? "" : " on " + clean(ReportIndex.commonName(first.subject()));
        String more = counted.size() > 1 ? " and " + (counted.size() - 1) + " more" : "";
        // What gives way first when the line is too long: the counts in parentheses, then the end of the name.
        if (head.length() + rule.length() + name.length() + more.length() + tail.length() <= MAX_LENGTH) {
            return head + rule + name + more + tail;
        }
        int room = MAX_LENGTH - head.length() - rule.length() - more.length();
        String worst = rule + (name.length() <= room ? name : room >= MIN_NAME ? shorten(name, room) : "") + more;
        return shorten(head + worst, MAX_LENGTH);
    }

    private static String shorten(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= ELLIPSIS.length() ? "" : text.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }

    private static String clean(String text) {
        StringBuilder clean = new StringBuilder(text == null ? 0 : text.length());
        if (text != null) {
            SafeText.line(text, '?').codePoints().forEach(c -> clean.appendCodePoint(c == '|' ? '/' : c));
        }
        return clean.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
