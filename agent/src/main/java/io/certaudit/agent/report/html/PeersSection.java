package io.certaudit.agent.report.html;

import java.util.List;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Dates;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * The MTLS peers probed with {@code --peer}, a card each: whether the handshake got through, the chain the peer
 * sent, whether it asks for a client certificate and from which issuers, and the findings about it. Only in reports
 * of audits that probed peers.
 */
final class PeersSection implements HtmlSection {

    @Override
    public String id() {
        return "peers";
    }

    @Override
    public String title(ReportIndex index) {
        return "Peers (" + index.report().peers().size() + ")";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return index.report().peers() != null && !index.report().peers().isEmpty();
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        int number = 0;
        for (AuditReport.Peer peer : index.report().peers()) {
            peer(index, html, peer, ++number);
        }
    }

    private static void peer(ReportIndex index, Markup html, AuditReport.Peer peer, int number) {
        List<AuditReport.FindingEntry> findings = index.findingsAboutPeer(peer.address());
        Health health = peer.reached() ? Health.worst(findings) : Health.ERROR;
        html.open("article", "class", "card " + health.label(), "id", "peer-" + number);
        html.open("div", "class", "card-head");
        html.element("h3", peer.address());
        html.element("span", peer.reached() ? "reached" : "not reached", "class", "badge "
                + (peer.reached() ? "ok" : "error"));
        if (peer.reached()) {
            html.element("span", peer.clientCertificateRequested() ? "asks for a client certificate"
                    : "asks for no client certificate", "class", "badge "
                    + (peer.clientCertificateRequested() ? "ok" : "warning"));
        }
        html.close();
        html.open("dl", "class", "facts");
        VerdictHeader.fact(html, "Connected to", peer.resolvedAddress());
        VerdictHeader.fact(html, "Protocol", peer.protocol() == null ? null
                : peer.protocol() + (peer.cipherSuite() == null ? "" : ", " + peer.cipherSuite()));
        if (!peer.reached()) {
            VerdictHeader.fact(html, "Failure", peer.failure() + ": " + peer.failureMessage());
        }
        if (peer.chain() != null && !peer.chain().isEmpty() && peer.keyProof() != null) {
            // A chain is public: only the peer's signature over the handshake shows the chain is its own.
            html.element("dt", "Key proof");
            html.open("dd");
            if ("proven".equals(peer.keyProof())) {
                html.element("span", "proven", "class", "badge ok");
                html.text(" the peer signed the handshake with the key of the certificate it sent");
            } else {
                html.element("span", peer.keyProof(), "class", "badge warning");
                html.text(" did not prove it holds this certificate's key: not judged");
            }
            html.close();
        }
        if (peer.clientCertificateRequested()) {
            VerdictHeader.fact(html, "Client certificate", peer.clientCertificateRequired() == null
                    ? "requested; whether it is required is unknown"
                    : peer.clientCertificateRequired() ? "required" : "requested, not required");
            html.element("dt", "Accepted issuers");
            html.open("dd");
            if (peer.acceptableIssuers() == null || peer.acceptableIssuers().isEmpty()) {
                html.text("any: the peer names none");
            } else {
                html.open("ul", "class", "plain");
                peer.acceptableIssuers().forEach(name -> html.element("li", name));
                html.close();
            }
            html.close();
        }
        html.close();
        if (peer.chain() != null && !peer.chain().isEmpty()) {
            sentChain(index, html, peer.chain());
        }
        peerFindings(index, html, findings);
        html.close();
    }

    private static void sentChain(ReportIndex index, Markup html, List<AuditReport.PeerCertificate> chain) {
        html.element("h4", "Chain the peer sent, leaf first");
        html.open("table").open("thead").open("tr");
        html.element("th", "Subject").element("th", "Issuer").element("th", "Expires").element("th", "Thumbprint");
        html.close().close().open("tbody");
        for (AuditReport.PeerCertificate certificate : chain) {
            Long days = index.daysFromAudit(certificate.notAfter());
            html.open("tr");
            html.element("td", certificate.subject());
            html.element("td", certificate.issuer());
            html.element("td", Dates.day(certificate.notAfter()) + (days == null ? "" : " (" + Dates.relative(days)
                    + ")"), "class", days != null && days < 0 ? Health.ERROR.label() : null);
            html.open("td").element("code", certificate.thumbprint()).close();
            html.close();
        }
        html.close().close();
    }

    private static void peerFindings(ReportIndex index, Markup html, List<AuditReport.FindingEntry> findings) {
        html.open("div", "class", "card-findings");
        if (findings.isEmpty()) {
            html.element("p", "No finding about this peer.", "class", "ok");
        } else {
            html.element("h4", "Findings about this peer (" + findings.size() + ")");
            html.open("ul", "class", "plain");
            for (AuditReport.FindingEntry finding : findings) {
                html.open("li");
                html.element("span", finding.severity(), "class", "badge "
                        + Health.ofSeverity(finding.severity()).label());
                html.text(" ").open("a", "href", "#finding-" + index.number(finding))
                        .element("code", finding.rule()).close();
                html.text(": ").element("span", finding.message(), "class", "muted");
                html.close();
            }
            html.close();
        }
        html.close();
    }
}
