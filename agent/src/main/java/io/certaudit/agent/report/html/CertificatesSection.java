package io.certaudit.agent.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Dates;
import io.certaudit.agent.report.Health;
import io.certaudit.agent.report.ReportIndex;

/**
 * One card per service certificate: its chain as a picture, its facts, its private key and who can read it, and
 * links to the findings about it and its chain.
 */
final class CertificatesSection implements HtmlSection {

    /** The EKUs a reader meets in MTLS audits, by name; others are shown as their OID. */
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "Server Authentication",
            "1.3.6.1.5.5.7.3.2", "Client Authentication",
            "1.3.6.1.5.5.7.3.3", "Code Signing",
            "1.3.6.1.5.5.7.3.4", "Secure Email",
            "1.3.6.1.5.5.7.3.8", "Time Stamping",
            "1.3.6.1.5.5.7.3.9", "OCSP Signing",
            "2.5.29.37.0", "Any Purpose");

    /** Enough of a finding's message to tell findings of one rule apart; the full text is one click away. */
    private static final int MESSAGE_CHARS = 140;

    @Override
    public String id() {
        return "certificates";
    }

    @Override
    public String title(ReportIndex index) {
        return "Service certificates (" + index.serviceCertificates().size() + ")";
    }

    @Override
    public boolean appliesTo(ReportIndex index) {
        return true;
    }

    @Override
    public void writeBody(ReportIndex index, Markup html) {
        if (index.serviceCertificates().isEmpty()) {
            html.element("p", "No certificate in Personal (MY) is a service certificate: none names the configured "
                    + "pool, instance or gateway, or Personal holds no end-entity certificate. See the findings.");
            return;
        }
        html.element("p", "Each chain reads from the leaf on the left to its root, every certificate in the "
                + "colour of the worst finding about it (green none, amber warning, red error) and labelled with the "
                + "store it was found in.", "class", "muted");
        int number = 0;
        for (ReportIndex.Located located : index.serviceCertificates()) {
            card(index, html, located, ++number);
        }
    }

    private static void card(ReportIndex index, Markup html, ReportIndex.Located located, int number) {
        AuditReport.CertificateEntry certificate = located.certificate();
        List<AuditReport.FindingEntry> findings = chainFindings(index, located);
        Health health = Health.worst(findings);
        html.open("article", "class", "card " + health.label(), "id", "certificate-" + number);
        html.open("div", "class", "card-head");
        html.element("h3", ReportIndex.displayName(certificate));
        html.element("span", health == Health.OK ? "healthy" : health.label(), "class", "badge " + health.label());
        if (certificate.chain() != null) {
            String status = certificate.chain().status();
            html.element("span", "chain " + status, "class", "badge " + (status.equals("complete") ? "ok" : "error"));
        }
        html.element("span", keyBadge(certificate), "class", "badge " + keyHealth(certificate).label());
        AuditReport.Access keyAccess = certificate.privateKey() == null ? null : certificate.privateKey().access();
        if (keyAccess != null && Boolean.FALSE.equals(keyAccess.canRead())) {
            html.element("span", (keyAccess.account() == null ? "the service account" : keyAccess.account())
                    + " cannot read the key", "class", "badge error");
        }
        html.close();
        // A path holds at least its leaf; a hand-edited report may not, and then there is nothing to draw.
        if (certificate.chain() != null && !certificate.chain().elements().isEmpty()) {
            html.open("figure", "class", "chain");
            ChainPicture.draw(index, html, located, "chain-" + number);
            html.close();
        }
        html.open("div", "class", "columns");
        html.open("div");
        html.element("h4", "Certificate");
        facts(index, html, located);
        html.close();
        html.open("div");
        html.element("h4", "Private key");
        privateKey(index, html, certificate);
        html.close();
        html.close();
        cardFindings(index, html, located, findings);
        html.close();
    }

    /** The findings about the certificate and about every element of its chain, worst first. */
    private static List<AuditReport.FindingEntry> chainFindings(ReportIndex index, ReportIndex.Located located) {
        List<AuditReport.FindingEntry> findings = new ArrayList<>(index.findingsOn(located.store(),
                located.certificate().thumbprint()));
        AuditReport.Chain chain = located.certificate().chain();
        if (chain != null && chain.elements().size() > 1) {
            for (AuditReport.ChainElement element : chain.elements().subList(1, chain.elements().size())) {
                index.findingsOn(element.store(), element.thumbprint()).stream()
                        .filter(f -> !findings.contains(f)).forEach(findings::add);
            }
        }
        findings.sort((a, b) -> Integer.compare(index.number(a), index.number(b)));
        return findings;
    }

    private static String keyBadge(AuditReport.CertificateEntry certificate) {
        Boolean has = certificate.hasPrivateKey();
        return has == null ? "private key unknown" : has ? "private key present" : "NO private key";
    }

    private static Health keyHealth(AuditReport.CertificateEntry certificate) {
        Boolean has = certificate.hasPrivateKey();
        return has == null ? Health.WARNING : has ? Health.OK : Health.ERROR;
    }

    private static void facts(ReportIndex index, Markup html, ReportIndex.Located located) {
        AuditReport.CertificateEntry c = located.certificate();
        html.open("dl", "class", "facts");
        VerdictHeader.fact(html, "Subject", c.subject());
        VerdictHeader.fact(html, "Issuer", c.issuer());
        if (c.subjectAlternativeNames() != null && !c.subjectAlternativeNames().isEmpty()) {
            html.element("dt", "Alternative names");
            html.open("dd").open("ul", "class", "plain");
            c.subjectAlternativeNames().forEach(name -> html.element("li", name));
            html.close().close();
        }
        Long days = index.daysFromAudit(c.notAfter());
        html.element("dt", "Valid");
        html.open("dd").text(Dates.day(c.notBefore()) + " to " + Dates.day(c.notAfter()));
        if (days != null) {
            int warningDays = index.report().settings().expiryWarningDays();
            Health expiry = days < 0 ? Health.ERROR : days <= warningDays ? Health.WARNING : Health.OK;
            html.text(" ").element("span", days < 0 ? "expired " + Dates.relative(days) : "expires "
                    + Dates.relative(days), "class", expiry == Health.OK ? "muted" : expiry.label());
        }
        html.close();
        VerdictHeader.fact(html, "Key", c.keyAlgorithm() + (c.keyBits() == null ? "" : " " + c.keyBits() + " bits"));
        VerdictHeader.fact(html, "Signature", c.signatureAlgorithm());
        VerdictHeader.fact(html, "Key usages (EKU)", c.extendedKeyUsages() == null ? "none listed: every purpose"
                : c.extendedKeyUsages().isEmpty() ? "none" : String.join(", ", c.extendedKeyUsages().stream()
                .map(oid -> EKU_NAMES.getOrDefault(oid, oid)).toList()));
        VerdictHeader.fact(html, "Store", ChainPicture.storeLabel(located.store())
                + (c.physicalStore() == null ? "" : ", physical store " + c.physicalStore()));
        VerdictHeader.fact(html, "Read from", c.origin());
        VerdictHeader.fact(html, "Friendly name", c.friendlyName());
        html.element("dt", "Thumbprint").open("dd").element("code", c.thumbprint()).close();
        html.close();
    }

    private static void privateKey(ReportIndex index, Markup html, AuditReport.CertificateEntry certificate) {
        AuditReport.PrivateKey key = certificate.privateKey();
        html.open("dl", "class", "facts");
        html.element("dt", "Present");
        html.open("dd").element("span", key == null ? presence(certificate.hasPrivateKey()) : key.present(),
                "class", "badge " + keyHealth(certificate).label()).close();
        if (key != null) {
            VerdictHeader.fact(html, "Kind", key.kind());
            VerdictHeader.fact(html, "Provider", key.provider());
            VerdictHeader.fact(html, "Container", key.container());
            VerdictHeader.fact(html, "Key set", key.machineKeyset() == null ? null
                    : key.machineKeyset() ? "machine (usable by a service)" : "a user's (not the machine's)");
            VerdictHeader.fact(html, "Key file", key.keyFile());
            VerdictHeader.fact(html, "Defect", key.defect() == null || key.defect().equals("none") ? null
                    : key.defect().equals("key-mismatch") ? "key-mismatch: the key is not the certificate's key"
                    : key.defect().equals("user-key-set") ? "user-key-set: the key is in a user's key set, which "
                    + "only that account can open" : key.defect());
            VerdictHeader.fact(html, "How this was decided", key.evidence());
        }
        html.close();
        html.element("h4", "Who can read it");
        AuditReport.Access access = key == null ? null : key.access();
        if (access == null) {
            AuditReport.Account account = index.report().serviceAccount();
            html.element("p", "Not checked: " + (account == null ? "no service account was configured, or "
                    : "") + "this source records no permissions on the key.", "class", "muted");
            return;
        }
        html.open("dl", "class", "facts");
        VerdictHeader.fact(html, "Account", access.account() == null ? null : access.account()
                + (access.accountSid() == null ? "" : " (" + access.accountSid() + ")"));
        html.element("dt", "Can read");
        html.open("dd");
        if (access.canRead() == null) {
            html.element("span", "unknown", "class", "badge warning");
            if (access.unknownReason() != null) {
                html.text(" " + access.unknownReason());
            }
        } else {
            html.element("span", access.canRead() ? "yes" : "NO", "class", "badge "
                    + (access.canRead() ? "ok" : "error"));
        }
        html.close();
        VerdictHeader.fact(html, "Checked on", access.object());
        if (access.entries() != null && !access.entries().isEmpty()) {
            html.element("dt", "Permissions");
            html.open("dd").open("ul", "class", "plain");
            access.entries().forEach(entry -> html.open("li").element("code", entry).close());
            html.close().close();
        }
        if (access.sddl() != null) {
            html.element("dt", "SDDL").open("dd").element("code", access.sddl()).close();
        }
        html.close();
    }

    private static String presence(Boolean has) {
        return has == null ? "unknown" : has ? "yes" : "no";
    }

    private static void cardFindings(ReportIndex index, Markup html, ReportIndex.Located located,
                                     List<AuditReport.FindingEntry> findings) {
        html.open("div", "class", "card-findings");
        if (findings.isEmpty()) {
            html.element("p", "No finding about this certificate or its chain.", "class", "ok");
            html.close();
            return;
        }
        html.element("h4", "Findings about this certificate and its chain (" + findings.size() + ")");
        html.open("ul", "class", "plain");
        for (AuditReport.FindingEntry finding : findings) {
            html.open("li");
            html.element("span", finding.severity(), "class", "badge "
                    + Health.ofSeverity(finding.severity()).label());
            html.text(" ").open("a", "href", "#finding-" + index.number(finding)).element("code", finding.rule())
                    .close();
            if (finding.thumbprint() != null && !finding.thumbprint().equals(located.certificate().thumbprint())) {
                html.text(" on " + ReportIndex.commonName(finding.subject()) + " (" + finding.store() + ")");
            }
            html.text(": ").element("span", Svg.shorten(finding.message(), MESSAGE_CHARS), "class", "muted");
            html.close();
        }
        html.close();
        html.close();
    }
}
