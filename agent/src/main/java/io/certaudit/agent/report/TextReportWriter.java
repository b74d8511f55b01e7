package io.certaudit.agent.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.certaudit.model.StoreName;
import io.certaudit.model.TrustedIssuerList;

/**
 * Writes the report for a person at a terminal: the status line, the findings grouped by certificate (worst group
 * first) with their remediation, the service certificates and their chains, the stores and the trusted issuer list,
 * and the SCHANNEL settings and Windows version when the sources read them.
 * Long text wraps at {@link #WIDTH} columns; colour only when constructed with {@link TextStyle#COLOUR}.
 */
public final class TextReportWriter implements ReportWriter {

    /** Where messages wrap: readable on a terminal and in a ticket. */
    static final int WIDTH = 100;

    private static final String DETAIL_INDENT = " ".repeat(13);

    private final TextStyle style;

    /** Plain text, as written to files. */
    public TextReportWriter() {
        this(TextStyle.PLAIN);
    }

    public TextReportWriter(TextStyle style) {
        this.style = style;
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        ReportIndex index = new ReportIndex(report);
        PrintWriter text = new PrintWriter(out);
        text.println(style.paint(Health.ofStatus(report.status()), StatusLine.of(report)));
        if ("no".equals(report.auditElevated())) {
            text.println(style.paint(Health.WARNING, "Not run as administrator: facts only an elevated audit can "
                    + "establish (a machine key's presence, a key file's permissions) are unknown."));
        }
        text.println();
        writeFindings(report, text);
        writeServiceCertificates(index, text);
        writePeers(report, text);
        writeDns(report, text);
        writeRevocation(report, text);
        writeStores(index, text);
        writeSchannel(report, text);
        writeProblems(report, text);
        writeRulesTheSourceCannotFeed(report, text);
        text.flush();
    }

    private void heading(PrintWriter text, String heading) {
        text.println(style.bold(heading));
        text.println();
    }

    private void writeFindings(AuditReport report, PrintWriter text) {
        if (report.findings().isEmpty()) {
            text.println(style.paint(Health.OK, "No findings."));
            text.println();
            return;
        }
        Map<String, List<AuditReport.FindingEntry>> byTarget = new LinkedHashMap<>();
        for (AuditReport.FindingEntry finding : report.findings()) {
            byTarget.computeIfAbsent(target(finding), t -> new ArrayList<>()).add(finding);
        }
        heading(text, "Findings (" + report.findings().size() + "), worst first");
        for (Map.Entry<String, List<AuditReport.FindingEntry>> group : byTarget.entrySet()) {
            text.println("  " + style.bold(group.getKey()));
            for (AuditReport.FindingEntry finding : group.getValue()) {
                Health health = Health.ofSeverity(finding.severity());
                String severity = String.format("%-9s", TextStyle.clean(finding.severity()).toUpperCase(Locale.ROOT));
                text.println("    " + style.paint(health, severity) + TextStyle.clean(finding.rule()));
                wrap(text, TextStyle.clean(finding.message()), DETAIL_INDENT, DETAIL_INDENT);
                List<String> steps = RemediationSteps.of(finding);
                for (int i = 0; i < steps.size(); i++) {
                    String number = steps.size() == 1 ? "" : (i + 1) + ". ";
                    String first = DETAIL_INDENT + (i == 0 ? "Fix: " : "     ") + number;
                    wrap(text, TextStyle.clean(steps.get(i)), first, " ".repeat(first.length()));
                }
            }
            text.println();
        }
    }

    private static String target(AuditReport.FindingEntry finding) {
        if (finding.peer() != null) {
            return "Peer " + TextStyle.clean(finding.peer());
        }
        if (finding.thumbprint() != null) {
            return (finding.store() == null ? "" : TextStyle.clean(finding.store()) + "  ")
                    + TextStyle.clean(finding.thumbprint())
                    + (finding.subject() == null ? "" : "  " + TextStyle.clean(finding.subject()));
        }
        return finding.store() == null ? "Host" : "Store " + TextStyle.clean(finding.store());
    }

    private void writeServiceCertificates(ReportIndex index, PrintWriter text) {
        List<ReportIndex.Located> service = index.serviceCertificates();
        heading(text, "Service certificates (" + service.size() + ")");
        if (service.isEmpty()) {
            boolean personalGiven = index.report().stores().stream()
                    .noneMatch(store -> store.name().equals("MY") && !store.wasGiven());
            text.println(AuditReport.NO_SOURCE.equals(index.report().source())
                    ? "  not looked for: no --source was given"
                    : personalGiven ? "  none" : "  not looked for: Personal (MY) was not part of what was given");
            text.println();
            return;
        }
        int warningDays = index.report().settings().expiryWarningDays();
        TextTable table = new TextTable("Certificate", "Thumbprint", "Expires", "Days", "Key", "Chain", "Health")
                .rightAlign(3);
        for (ReportIndex.Located located : service) {
            AuditReport.CertificateEntry entry = located.certificate();
            Long days = index.daysFromAudit(entry.notAfter());
            Health expiry = days == null ? Health.WARNING : days < 0 ? Health.ERROR
                    : days <= warningDays ? Health.WARNING : Health.OK;
            String key = key(entry);
            String chain = entry.chain() == null ? "-" : entry.chain().status().equals("complete") ? "complete"
                    : style.paint(Health.ERROR, TextStyle.clean(entry.chain().status()));
            Health health = index.health(located.store(), entry.thumbprint());
            table.row(TextStyle.clean(ReportIndex.displayName(entry)),
                    shortThumbprint(entry),
                    Dates.day(entry.notAfter()), style.paint(expiry, days == null ? "?" : days.toString()), key,
                    chain, style.paint(health, health.label()));
        }
        table.print(text, "  ", style);
        text.println();
        for (ReportIndex.Located located : service) {
            AuditReport.CertificateEntry entry = located.certificate();
            if (entry.chain() != null) {
                text.println("  " + TextStyle.clean(ReportIndex.displayName(entry)) + " (" + shortThumbprint(entry)
                        + ") chain:");
                wrap(text, chainPath(index, entry.chain()), "    ", "      ");
            }
        }
        text.println();
    }

    /** The first 8 hex digits: enough to tell a host's service certificates apart, short enough for the table. */
    private static String shortThumbprint(AuditReport.CertificateEntry entry) {
        String thumbprint = TextStyle.clean(entry.thumbprint());
        return thumbprint.substring(0, Math.min(8, thumbprint.length()));
    }

    /**
     * Whether the key is there and, when the source checked, whether the service account can read it; the HTML report
     * names the account and its permissions.
     */
    private String key(AuditReport.CertificateEntry entry) {
        AuditReport.PrivateKey key = entry.privateKey();
        if (key != null && "key-mismatch".equals(key.defect())) {
            return style.paint(Health.ERROR, "wrong key");
        }
        if (key != null && "user-key-set".equals(key.defect())) {
            return style.paint(Health.ERROR, "user key set");
        }
        if (entry.hasPrivateKey() == null) {
            return style.paint(Health.WARNING, "?");
        }
        if (!entry.hasPrivateKey()) {
            return style.paint(Health.ERROR, "NO");
        }
        AuditReport.Access access = key == null ? null : key.access();
        return access != null && Boolean.FALSE.equals(access.canRead())
                ? style.paint(Health.ERROR, "yes, unreadable") : "yes";
    }

    /** Each element in the colour of its health with its store, then how the path ends. */
    private String chainPath(ReportIndex index, AuditReport.Chain chain) {
        StringBuilder path = new StringBuilder();
        for (AuditReport.ChainElement element : chain.elements()) {
            Health health = index.health(element.store(), element.thumbprint());
            if (!path.isEmpty()) {
                path.append(" > ");
            }
            path.append(style.paint(health, TextStyle.clean(ReportIndex.commonName(element.subject()))))
                    .append(" [").append(TextStyle.clean(element.store())).append(']');
        }
        switch (chain.status()) {
            case "complete" -> path.append(" (trusted root)");
            case "untrusted-root" -> path.append(' ').append(style.paint(Health.ERROR, "(root NOT in Trusted Root)"));
            default -> path.append(" > ").append(style.paint(Health.ERROR, "MISSING: "
                    + TextStyle.clean(chain.missingIssuer() == null ? "issuer" : chain.missingIssuer())
                    + " (in no store)"));
        }
        return path.toString();
    }

    /** What the resolver answered for each configured name, when DNS was checked. */
    private void writeDns(AuditReport report, PrintWriter text) {
        if (report.dns() == null || !report.dns().checked()) {
            return;
        }
        heading(text, "DNS (" + report.dns().names().size() + " names, this machine's resolver)");
        for (AuditReport.NameResolutionEntry name : report.dns().names()) {
            String answer = "resolved".equals(name.outcome())
                    ? TextStyle.clean(String.join(", ", name.addresses()))
                    : style.paint("not-found".equals(name.outcome()) ? Health.ERROR : Health.WARNING,
                            TextStyle.clean(name.outcome()) + (name.message() == null ? ""
                                    : ": " + TextStyle.clean(name.message())));
            String expected = name.expectedAddresses().isEmpty() ? ""
                    : "  (expected " + TextStyle.clean(String.join(", ", name.expectedAddresses())) + ")";
            wrap(text, TextStyle.clean(name.name()) + "  " + TextStyle.clean(name.role()) + "  " + answer + expected,
                    "  ", "      ");
        }
        text.println();
    }

    /**
     * The revocation status of each chain certificate, when it was fetched, with every location that gave no
     * answer and why; otherwise one line saying it was not checked, so that no finding's absence reads as "not
     * revoked".
     */
    private void writeRevocation(AuditReport report, PrintWriter text) {
        AuditReport.Revocation revocation = report.revocation();
        if (revocation == null) {
            return;
        }
        if (!revocation.checked()) {
            wrap(text, "Revocation not checked: " + TextStyle.clean(revocation.notCheckedReason()) + ".", "", "  ");
            text.println();
            return;
        }
        heading(text, "Revocation (" + revocation.certificates().size() + " certificates, " + revocation.fetches()
                + " of at most " + revocation.fetchLimit() + " fetches)");
        for (AuditReport.RevocationEntry entry : revocation.certificates()) {
            Health health = switch (entry.status()) {
                case "revoked" -> Health.ERROR;
                case "good" -> Health.OK;
                default -> Health.WARNING;
            };
            String status = style.paint(health, TextStyle.clean(entry.status())
                    + (entry.reason() == null ? "" : " (" + TextStyle.clean(entry.reason()) + ")"));
            String where = entry.peer() != null ? "peer " + TextStyle.clean(entry.peer())
                    : TextStyle.clean(String.valueOf(entry.store()));
            wrap(text, TextStyle.clean(entry.subject()) + "  " + where + "  " + status
                    + (entry.unknownReason() == null ? "" : ": " + TextStyle.clean(entry.unknownReason())),
                    "  ", "      ");
            for (AuditReport.RevocationSourceEntry source : entry.sources()) {
                wrap(text, TextStyle.clean(source.kind()) + " " + TextStyle.clean(source.url()) + "  "
                        + TextStyle.clean(source.outcome())
                        + (source.detail() == null ? "" : ": " + TextStyle.clean(source.detail())), "      ",
                        "        ");
            }
        }
        text.println();
    }

    /** Each probed peer: what it sent, and which client certificate issuers it accepts. */
    private void writePeers(AuditReport report, PrintWriter text) {
        if (report.peers() == null || report.peers().isEmpty()) {
            return;
        }
        heading(text, "Peers (" + report.peers().size() + ")");
        for (AuditReport.Peer peer : report.peers()) {
            if (!peer.reached()) {
                wrap(text, TextStyle.clean(peer.address()) + "  " + style.paint(Health.ERROR, "not reached ("
                        + TextStyle.clean(peer.failure()) + ")") + ": " + TextStyle.clean(peer.failureMessage()),
                        "  ", "      ");
                continue;
            }
            text.println("  " + style.bold(TextStyle.clean(peer.address())) + "  "
                    + TextStyle.clean(peer.resolvedAddress()) + "  " + TextStyle.clean(peer.protocol()) + "  "
                    + TextStyle.clean(peer.cipherSuite()));
            for (AuditReport.PeerCertificate certificate : peer.chain()) {
                String thumbprint = TextStyle.clean(certificate.thumbprint());
                wrap(text, "sent: " + thumbprint.substring(0, Math.min(16, thumbprint.length())) + "  "
                        + TextStyle.clean(certificate.subject()),
                        "      ", "            ");
            }
            if ("unproven".equals(peer.keyProof()) && !peer.chain().isEmpty()) {
                text.println("      " + style.paint(Health.WARNING, "did not prove it holds this certificate's key: "
                        + "not judged"));
            }
            if (!peer.clientCertificateRequested()) {
                text.println("      " + style.paint(Health.WARNING, "asks for no client certificate"));
            } else if (peer.acceptableIssuers().isEmpty()) {
                text.println("      asks for a client certificate from any CA (names none)");
            } else {
                peer.acceptableIssuers().forEach(name -> wrap(text, "accepts client certificates from: "
                        + TextStyle.clean(name), "      ", "            "));
            }
        }
        text.println();
        writePeerRulesNotRun(report, text);
    }

    /**
     * Names the rules that were not run because the source cannot give what they judge (a capture holds no TLS
     * handshake and no DNS answers), each reason once, so that their silence is not read as a pass.
     */
    private void writeRulesTheSourceCannotFeed(AuditReport report, PrintWriter text) {
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (AuditReport.RuleResult rule : report.rules()) {
            if (rule.notRunReason() != null) {
                byReason.computeIfAbsent(rule.notRunReason(), reason -> new ArrayList<>())
                        .add(TextStyle.clean(rule.id()));
            }
        }
        byReason.forEach((reason, rules) -> wrap(text, style.paint(Health.WARNING, "Not run: "
                + String.join(", ", rules) + ".") + " " + TextStyle.clean(reason) + ".", "  ", "    "));
        if (!byReason.isEmpty()) {
            text.println();
        }
    }

    /** Says which peer rules were not run and why, so that "no findings" is not read as "all checked". */
    private void writePeerRulesNotRun(AuditReport report, PrintWriter text) {
        List<String> checked = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (AuditReport.RuleResult rule : report.rules()) {
            if (rule.id().startsWith("peer-")) {
                (rule.result().equals("disabled") ? notRun : checked).add(TextStyle.clean(rule.id()));
            }
        }
        if (notRun.isEmpty()) {
            return;
        }
        wrap(text, "Checked from the handshakes: " + String.join(", ", checked) + ".", "  ", "    ");
        wrap(text, style.paint(Health.WARNING, "Not checked: " + String.join(", ", notRun) + ".")
                + (AuditReport.NO_SOURCE.equals(report.source()) ? " They compare each peer with this host's "
                + "stores (does this host trust the peer, does the peer accept this host's issuer), and no --source "
                + "was given: add --source with this host's stores or their export to check them." : " They were "
                + "turned off."), "  ", "    ");
        text.println();
    }

    private void writeStores(ReportIndex index, PrintWriter text) {
        AuditReport report = index.report();
        boolean access = report.stores().stream().anyMatch(s -> s.access() != null);
        TextTable table = access
                ? new TextTable("Store", "Name", "Certificates", "With findings", "Service account can read")
                : new TextTable("Store", "Name", "Certificates", "With findings");
        table.rightAlign(2).rightAlign(3);
        for (AuditReport.Store store : report.stores()) {
            long flagged = store.certificates().stream()
                    .filter(c -> !index.findingsOn(store.name(), c.thumbprint()).isEmpty()).count();
            // Findings on the store itself (its issuer list, its access) belong to no certificate but count too.
            long onStore = report.findings().stream()
                    .filter(f -> f.peer() == null && f.thumbprint() == null && store.name().equals(f.store()))
                    .count();
            String flaggedText = flagged == 0 && onStore == 0 ? "0" : style.paint(index.health(store),
                    flagged + (onStore == 0 ? "" : " + " + onStore + " on the store"));
            String name = TextStyle.clean(store.displayName());
            String count = store.wasGiven() ? Integer.toString(store.certificates().size()) : "not given";
            if (access) {
                table.row(TextStyle.clean(store.name()), name, count, flaggedText, canRead(store.access()));
            } else {
                table.row(TextStyle.clean(store.name()), name, count, flaggedText);
            }
        }
        heading(text, "Stores");
        if (AuditReport.NO_SOURCE.equals(report.source())) {
            text.println("  none read: no --source was given");
            text.println();
            return;
        }
        table.print(text, "  ", style);
        // Untrusted Certificates and Client Authentication Issuers are optional: most hosts and exports have nothing
        // in them, so their absence is news only in the store table, not a warning.
        List<String> absent = report.stores().stream()
                .filter(store -> !store.wasGiven() && !StoreName.DISALLOWED.name().equals(store.name())
                        && !StoreName.CLIENT_AUTH_ISSUER.name().equals(store.name()))
                .map(AuditReport.Store::name).toList();
        if (!absent.isEmpty()) {
            text.println();
            wrap(text, style.paint(Health.WARNING, "Not given: " + String.join(", ", absent) + ".")
                    + " The sources hold no such store (no subfolder or export of it), so nothing in "
                    + (absent.size() == 1 ? "it" : "them") + " was judged and chains end where the given stores end.",
                    "  ", "  ");
        }
        Integer bytes = report.summary().rootStoreIssuerListBytes();
        if (bytes != null && !absent.contains("ROOT")) {
            int limit = TrustedIssuerList.LIMIT_BYTES;
            Health health = bytes > limit ? Health.ERROR : bytes > limit * 3 / 4 ? Health.WARNING : Health.OK;
            text.println();
            text.println("  Trusted issuer list (Trusted Root names SChannel sends): " + style.paint(health,
                    String.format(Locale.ROOT, "%,d of %,d bytes (%.1f%%)", bytes, limit, bytes * 100.0 / limit)));
        }
        text.println();
    }

    /**
     * The SCHANNEL settings and the Windows version the sources read, when they read either: the facts that decide
     * whether the trusted issuer list is sent and which issuers client certificates must chain to.
     */
    private void writeSchannel(AuditReport report, PrintWriter text) {
        if (!SchannelRows.known(report)) {
            return;
        }
        heading(text, "SCHANNEL settings");
        String indent = " ".repeat(2 + "SendTrustedIssuerList".length() + 2);
        for (SchannelRows.Row row : SchannelRows.of(report.schannel())) {
            String name = String.format(Locale.ROOT, "%-" + (indent.length() - 2) + "s", row.name());
            String value = TextStyle.clean(row.value());
            wrap(text, row.health() == null ? value : style.paint(row.health(), value), "  " + name, indent);
        }
        text.println();
    }

    private String canRead(AuditReport.Access access) {
        if (access == null) {
            return "-";
        }
        if (access.canRead() == null) {
            return style.paint(Health.WARNING, "unknown" + (access.unknownReason() == null ? ""
                    : ": " + TextStyle.clean(access.unknownReason())));
        }
        return access.canRead() ? "yes" : style.paint(Health.ERROR, "NO");
    }

    private void writeProblems(AuditReport report, PrintWriter text) {
        if (report.problems().isEmpty()) {
            return;
        }
        heading(text, "Entries that could not be read (" + report.problems().size() + ")");
        for (AuditReport.Problem problem : report.problems()) {
            wrap(text, (problem.store() == null ? "" : TextStyle.clean(problem.store()) + "  ")
                    + TextStyle.clean(problem.origin())
                    + ": " + TextStyle.clean(problem.message()), "  ", "      ");
        }
        text.println();
    }

    /** Prints {@code text} word-wrapped at {@link #WIDTH}, the first line after {@code first}, the rest after {@code next}. */
    private static void wrap(PrintWriter out, String text, String first, String next) {
        StringBuilder line = new StringBuilder(first);
        int width = first.length();
        boolean empty = true;
        for (String word : text.split(" ")) {
            int wordWidth = TextStyle.width(word);
            if (!empty && width + 1 + wordWidth > WIDTH) {
                out.println(line);
                line = new StringBuilder(next);
                width = next.length();
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                width++;
            }
            line.append(word);
            width += wordWidth;
            empty = false;
        }
        out.println(line);
    }
}
