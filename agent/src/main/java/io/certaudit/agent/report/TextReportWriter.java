package io.certaudit.agent.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report for a person at a terminal: a status line, then the findings grouped by certificate (worst
 * group first), each with its remediation, then the service certificates and their chains.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        PrintWriter text = new PrintWriter(out);
        text.println(StatusLine.of(report));
        text.println();
        writeFindings(report, text);
        writeServiceCertificates(report, text);
        writePeers(report, text);
        if (!report.problems().isEmpty()) {
            text.println("Entries that could not be read: " + report.problems().size()
                    + " (see the unreadable-certificate findings)");
        }
        text.flush();
    }

    private static void writeFindings(AuditReport report, PrintWriter text) {
        if (report.findings().isEmpty()) {
            text.println("No findings.");
            text.println();
            return;
        }
        Map<String, List<AuditReport.FindingEntry>> byTarget = new LinkedHashMap<>();
        for (AuditReport.FindingEntry finding : report.findings()) {
            byTarget.computeIfAbsent(target(finding), t -> new ArrayList<>()).add(finding);
        }
        text.println("Findings (" + report.findings().size() + ")");
        for (Map.Entry<String, List<AuditReport.FindingEntry>> group : byTarget.entrySet()) {
            text.println();
            text.println("  " + group.getKey());
            for (AuditReport.FindingEntry finding : group.getValue()) {
                text.println("    " + String.format("%-8s", finding.severity().toUpperCase(java.util.Locale.ROOT))
                        + finding.rule());
                text.println("            " + finding.message());
                if (finding.remediation() != null) {
                    text.println("            Fix: " + finding.remediation());
                }
            }
        }
        text.println();
    }

    private static String target(AuditReport.FindingEntry finding) {
        if (finding.thumbprint() != null) {
            return (finding.store() == null ? "" : finding.store() + " ") + finding.thumbprint()
                    + (finding.subject() == null ? "" : "  " + finding.subject());
        }
        return finding.store() == null ? "Host" : "Store " + finding.store();
    }

    private static void writeServiceCertificates(AuditReport report, PrintWriter text) {
        List<AuditReport.CertificateEntry> service = new ArrayList<>();
        for (AuditReport.Store store : report.stores()) {
            for (AuditReport.CertificateEntry entry : store.certificates()) {
                if (entry.serviceCertificate()) {
                    service.add(entry);
                }
            }
        }
        text.println("Service certificates (" + service.size() + ")");
        if (service.isEmpty()) {
            text.println("  none");
            text.println();
            return;
        }
        String format = "  %-40s %-16s %-10s %-5s %s%n";
        text.printf(format, "Subject CN", "Thumbprint", "Expires", "Key", "Chain");
        for (AuditReport.CertificateEntry entry : service) {
            String cn = entry.subjectCommonName() == null ? entry.subject() : entry.subjectCommonName();
            String key = entry.hasPrivateKey() == null ? "?" : entry.hasPrivateKey() ? "yes" : "NO";
            String chain = entry.chain() == null ? "-" : entry.chain().status();
            text.printf(format, abbreviate(cn, 40), entry.thumbprint().substring(0, 16) + "",
                    entry.notAfter().substring(0, 10), key, chain);
            if (entry.chain() != null) {
                StringBuilder path = new StringBuilder();
                for (AuditReport.ChainElement element : entry.chain().elements()) {
                    path.append(path.isEmpty() ? "" : " > ").append(element.thumbprint(), 0, 8)
                            .append(" [").append(element.store()).append(']');
                }
                if (entry.chain().missingIssuer() != null) {
                    path.append(" > (missing: ").append(entry.chain().missingIssuer()).append(')');
                }
                text.println("      path: " + path);
            }
        }
        text.println();
    }

    private static void writePeers(AuditReport report, PrintWriter text) {
        if (report.peers() == null || report.peers().isEmpty()) {
            return;
        }
        text.println("Peers (" + report.peers().size() + ")");
        for (AuditReport.Peer peer : report.peers()) {
            if (!peer.reached()) {
                text.println("  " + peer.address() + "  not reached (" + peer.failure() + "): " + peer.failureMessage());
                continue;
            }
            text.println("  " + peer.address() + "  " + peer.resolvedAddress() + "  " + peer.protocol() + "  "
                    + peer.cipherSuite());
            for (AuditReport.PeerCertificate certificate : peer.chain()) {
                text.println("      sent: " + certificate.thumbprint().substring(0, 16) + "  " + certificate.subject());
            }
            if (!peer.clientCertificateRequested()) {
                text.println("      asks for no client certificate");
            } else if (peer.acceptableIssuers().isEmpty()) {
                text.println("      asks for a client certificate from any CA (names none)");
            } else {
                peer.acceptableIssuers().forEach(name -> text.println("      accepts client certificates from: "
                        + name));
            }
        }
        text.println();
    }

    private static String abbreviate(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 3) + "...";
    }
}
