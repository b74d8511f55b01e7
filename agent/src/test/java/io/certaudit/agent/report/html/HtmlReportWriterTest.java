package io.certaudit.agent.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.RemediationSteps;
import io.certaudit.agent.report.ReportScenarios;
import io.certaudit.model.TrustedIssuerList;

class HtmlReportWriterTest {

    private static final AuditReport BROKEN = ReportScenarios.brokenMtls();

    @Test
    void theReportIsWellFormedAndLoadsNothingFromElsewhere() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        html.assertSelfContained();
        assertTrue(html.html().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.html().substring(0, 40));
        assertEquals(1, html.elements(e -> e.getTagName().equals("style")).size(), "one inline stylesheet");
        assertTrue(html.html().contains("@media print"), "the stylesheet has print rules");
    }

    @Test
    void theSelfContainedCheckCatchesWhatItLooksFor() {
        for (String hostile : List.of("<img src=\"https://example.com/x.png\"/>", "<script>1</script>",
                "<a href=\"https://example.com/\">x</a>", "<style>@import 'x.css';</style>",
                "<div style=\"background:url(x.png)\">x</div>", "<p onclick=\"x()\">x</p>")) {
            HtmlDocument page = HtmlDocument.parse("<!DOCTYPE html>\n<html><body>" + hostile + "</body></html>");
            AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    page::assertSelfContained, hostile);
            assertFalse(error.getMessage().isEmpty());
        }
    }

    @Test
    void everyFindingIsThereWorstFirstWithItsRemediation() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        List<Element> articles = html.withClass("article", "finding");
        assertEquals(BROKEN.findings().size(), articles.size());
        assertTrue(BROKEN.findings().size() >= 5, () -> "the scenario has several findings: " + BROKEN.findings());
        for (int i = 0; i < BROKEN.findings().size(); i++) {
            AuditReport.FindingEntry finding = BROKEN.findings().get(i);
            Element article = articles.get(i);
            assertEquals("finding-" + (i + 1), article.getAttribute("id"));
            assertTrue(article.getAttribute("class").contains(finding.severity()), finding::rule);
            String text = HtmlDocument.text(article);
            assertTrue(text.contains(finding.rule()), text);
            assertTrue(text.contains(finding.message().replaceAll("\\s+", " ")), text);
            for (String step : RemediationSteps.of(finding)) {
                assertTrue(text.contains(step.replaceAll("\\s+", " ")), () -> step + " in " + text);
            }
            finding.evidence().forEach((name, value) -> assertTrue(text.contains(value.replaceAll("\\s+", " ")),
                    () -> name + " evidence in " + text));
        }
        assertEquals("error", BROKEN.findings().get(0).severity(), "the audit orders findings worst first");
    }

    @Test
    void theVerdictComesFirst() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        Element header = html.withClass("header", "verdict").get(0);
        assertTrue(header.getAttribute("class").contains("error"));
        String text = HtmlDocument.text(header);
        assertTrue(text.contains("CRITICAL"), text);
        assertTrue(text.contains("bems01.contoso.com"), text);
        assertTrue(text.contains(BROKEN.summary().errors() + " errors"), text);
        assertTrue(text.contains("Most urgent"), text);
    }

    @Test
    void eachServiceCertificateIsACardWithItsChainDrawn() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        List<Element> cards = html.withClass("article", "card");
        assertEquals(2, cards.size(), "the new certificate and the old one beside it");
        assertEquals(2, html.elements(e -> e.getTagName().equals("svg")
                && e.getAttribute("class").equals("chain-svg")).size());

        Element gap = html.withClass("g", "box missing").get(0);
        assertTrue(HtmlDocument.text(gap).contains("Contoso Issuing CA 2"), "the missing issuer is named");
        assertEquals(1, html.withClass("g", "link gap").stream()
                .filter(g -> HtmlDocument.text(g).contains("missing")).count(), "a red gap before it");

        assertEquals(1, html.withClass("g", "anchor error").size(), "the lab root is not in Trusted Root");
        assertTrue(html.withClass("g", "anchor ok").isEmpty(), "no chain here ends at a trusted root");

        List<String> stores = html.withClass("g", "box").stream().map(HtmlDocument::text).toList();
        assertTrue(stores.stream().anyMatch(t -> t.contains("in MY \u00b7 Personal")), stores::toString);
        assertTrue(stores.stream().anyMatch(t -> t.contains("Contoso Lab Root") && t.contains("in CA")),
                stores::toString);
        assertTrue(html.withClass("g", "box error").size() >= 2, "boxes coloured by their findings");
    }

    @Test
    void aCompleteChainEndsAtATrustedAnchorAndAHealthyHostSaysSo() {
        HtmlDocument html = HtmlDocument.render(ReportScenarios.healthy());
        html.assertSelfContained();
        assertEquals(1, html.withClass("g", "anchor ok").size());
        assertEquals(3, html.withClass("g", "box ok").size(), "leaf, intermediate and root all healthy");
        assertTrue(html.withClass("g", "box missing").isEmpty());
        assertTrue(html.text().contains("No findings"), html.text());
        assertTrue(html.withClass("header", "verdict ok").size() == 1);
    }

    @Test
    void thePrivateKeyCardSaysWhoCanReadIt() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        Element card = html.byId("certificate-1");
        String text = HtmlDocument.text(card);
        assertTrue(text.contains("Microsoft Software Key Storage Provider"), text);
        assertTrue(text.contains("CONTOSO\\svc-bems"), text);
        Element canRead = html.elements(e -> e.getTagName().equals("dt") && e.getTextContent().equals("Can read")
                && card.compareDocumentPosition(e) == (Element.DOCUMENT_POSITION_CONTAINED_BY
                | Element.DOCUMENT_POSITION_FOLLOWING)).get(0);
        Element answer = (Element) canRead.getNextSibling();
        assertEquals("NO", answer.getTextContent());
        assertEquals("badge error", ((Element) answer.getFirstChild()).getAttribute("class"));
        assertTrue(text.contains("allow BUILTIN\\Administrators: full control"), text);
    }

    @Test
    void expiryIsOnATimelineSoonestFirst() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        Element timeline = html.withClass("svg", "timeline").get(0);
        List<Element> bars = html.withClass("rect", "bar");
        assertEquals(3, bars.size(), "the new leaf (its issuer is missing), the old leaf and its lab root");
        assertTrue(bars.get(0).getAttribute("class").contains("warning"), "the old certificate expires in 12 days");
        assertTrue(bars.subList(1, bars.size()).stream().allMatch(b -> b.getAttribute("class").contains("ok")));
        assertTrue(HtmlDocument.text(timeline).contains("in 12 days"), HtmlDocument.text(timeline));
        assertEquals(1, html.withClass("rect", "horizon").size(), "the expiry warning period is shaded");
    }

    @Test
    void aBarPastTheAxisSaysSoAndTheOthersDoNot() {
        HtmlDocument html = HtmlDocument.render(ReportScenarios.longLivedServiceCertificate());
        List<Element> bars = html.withClass("rect", "bar");
        List<Element> clipped = html.withClass("polygon", "clipped");
        assertEquals(3, bars.size());
        assertEquals(1, clipped.size(), "only the ten-year leaf goes past the axis");
        assertTrue(HtmlDocument.text(clipped.get(0)).contains("goes on past the axis's end"),
                HtmlDocument.text(clipped.get(0)));
        assertTrue(html.html().contains("a bar ending in an arrow goes on past it"), "the legend says so");
        assertTrue(HtmlDocument.render(BROKEN).withClass("polygon", "clipped").isEmpty(), "nothing cut, no arrow");
    }

    @Test
    void theTrustedIssuerListIsShownAgainstTheLimit() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        int bytes = BROKEN.summary().rootStoreIssuerListBytes();
        assertTrue(bytes > 0);
        String stores = HtmlDocument.text(html.byId("stores"));
        assertTrue(stores.contains(String.format(java.util.Locale.ROOT, "take %,d bytes", bytes)), stores);
        assertTrue(stores.contains(String.format(java.util.Locale.ROOT, "%,d-byte limit",
                TrustedIssuerList.LIMIT_BYTES)), stores);
        assertEquals(1, html.withClass("rect", "fill ok").size());
    }

    @Test
    void aReportWithoutTheIssuerListSizeSaysItIsNotRecorded() {
        AuditReport.Summary s = BROKEN.summary();
        AuditReport older = withSummary(BROKEN, new AuditReport.Summary(s.certificates(), s.serviceCertificates(),
                s.findings(), s.errors(), s.warnings(), s.info(), s.problems(), null));
        HtmlDocument html = HtmlDocument.render(older);
        assertTrue(HtmlDocument.text(html.byId("stores")).contains("not recorded"));
        assertTrue(html.withClass("svg", "gauge").isEmpty());
    }

    @Test
    void unreadableEntriesAndRulesAreListed() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        assertTrue(HtmlDocument.text(html.byId("unreadable")).contains("exports/bems01/CA/partner.cer"));
        assertTrue(HtmlDocument.text(html.byId("rules")).contains("chain-incomplete"));
        assertTrue(HtmlDocument.render(ReportScenarios.healthy()).elements(e -> e.getAttribute("id")
                .equals("unreadable")).isEmpty(), "no empty section");
    }

    @Test
    void theContentsLinkEverySectionShown() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        List<Element> links = html.elements(e -> e.getTagName().equals("a")
                && e.getParentNode().getParentNode().getParentNode() instanceof Element nav
                && nav.getTagName().equals("nav"));
        List<Element> sections = html.elements(e -> e.getTagName().equals("section"));
        assertEquals(sections.size(), links.size());
        for (int i = 0; i < sections.size(); i++) {
            assertEquals("#" + sections.get(i).getAttribute("id"), links.get(i).getAttribute("href"));
        }
        for (Element link : html.elements(e -> e.getTagName().equals("a"))) {
            html.byId(link.getAttribute("href").substring(1));
        }
    }

    @Test
    void probedPeersHaveACardEachAndTheirFindingsSayWhichPeer() {
        AuditReport report = ReportScenarios.withPeers();
        HtmlDocument html = HtmlDocument.render(report);
        html.assertSelfContained();
        String peers = HtmlDocument.text(html.byId("peers"));
        assertTrue(peers.contains("lyncpool.contoso.com:5061") && peers.contains("192.0.2.10"), peers);
        assertTrue(peers.contains("CN=lyncpool.contoso.com"), "the chain it sent: " + peers);
        assertTrue(peers.contains("Contoso Partner CA"), "the issuers it accepts: " + peers);
        assertTrue(peers.contains("not reached") && peers.contains("connection refused"), peers);
        List<AuditReport.FindingEntry> peerFindings = report.findings().stream()
                .filter(f -> f.peer() != null).toList();
        assertFalse(peerFindings.isEmpty(), () -> "the scenario has peer findings: " + report.findings());
        for (AuditReport.FindingEntry finding : peerFindings) {
            String article = HtmlDocument.text(html.byId("finding-" + (report.findings().indexOf(finding) + 1)));
            assertTrue(article.contains("Peer " + finding.peer()), article);
        }
        assertEquals(2, html.withClass("article", "card").stream()
                .filter(card -> card.getAttribute("id").startsWith("peer-")).count());
        assertTrue(HtmlDocument.render(BROKEN).elements(e -> e.getAttribute("id").equals("peers")).isEmpty(),
                "no peers section in an audit that probed none");
    }

    @Test
    void theNamesResolvedWithCheckDnsAreListedWithWhatTheResolverSaid() {
        HtmlDocument html = HtmlDocument.render(ReportScenarios.withDnsChecked());
        html.assertSelfContained();
        String dns = HtmlDocument.text(html.byId("dns"));
        assertTrue(dns.contains(ReportScenarios.POOL) && dns.contains("pool") && dns.contains("192.0.2.20"), dns);
        assertTrue(dns.contains("bemsserver09.contoso.com") && dns.contains("instance")
                && dns.contains("not-found: no such host is known"), dns);
        assertTrue(dns.contains("sbc.contoso.com") && dns.contains("gateway") && dns.contains("timed-out"), dns);
        assertEquals(4, html.byId("dns").getElementsByTagName("tr").getLength(), "a heading and a row a name: " + dns);
        assertTrue(HtmlDocument.render(BROKEN).elements(e -> e.getAttribute("id").equals("dns")).isEmpty(),
                "no DNS section in an audit that resolved nothing");
    }

    @Test
    void aHostileSubjectIsTextNeverMarkup() {
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>&amp;'\u0000\u001b[31m";
        AuditReport report = ReportScenarios.withServiceCertificateNamed(hostile);
        String subject = report.stores().get(0).certificates().get(0).subject();
        assertTrue(subject.contains("<script") && subject.contains("\u001b"), "the certificate carries it: " + subject);
        HtmlDocument html = HtmlDocument.render(report);
        html.assertSelfContained();
        assertTrue(html.elements(e -> e.getTagName().equals("script") || e.getTagName().equals("img")).isEmpty());
        String shown = subject.replace('\u0000', '\ufffd').replace('\u001b', '\ufffd');
        assertTrue(html.text().contains(shown), "shown as written, control characters replaced");
        assertTrue(html.text().contains("Certificate audit of " + hostile.replace('\u0000', '\ufffd')
                .replace('\u001b', '\ufffd')), "the host name too");
        assertFalse(html.html().contains("\u0000") || html.html().contains("\u001b"), "no control characters");
        assertTrue(html.html().contains("&lt;script&gt;"));
    }

    @Test
    void theSchannelSettingsAndTheWindowsVersionAreATableWhenTheSourcesReadThem() {
        HtmlDocument html = HtmlDocument.render(BROKEN);
        html.assertSelfContained();
        String schannel = HtmlDocument.text(html.byId("schannel"));
        for (String shown : List.of("SendTrustedIssuerList", "absent: the Windows version's default",
                "ClientAuthTrustMode", "2: Exclusive CA Trust", "Windows Server 2019 Standard (build 17763)",
                "registry export, exports/bems01/schannel.reg")) {
            assertTrue(schannel.contains(shown), shown + " in " + schannel);
        }
        assertEquals(4, html.byId("schannel").getElementsByTagName("tr").getLength(), schannel);
        assertTrue(HtmlDocument.render(ReportScenarios.healthy()).elements(e -> e.getAttribute("id")
                .equals("schannel")).isEmpty(), "no SCHANNEL section when no source read the settings or version");
    }

    @Test
    void anUnreadableOrUndocumentedSettingIsMarkedAsAWarning() {
        HtmlDocument html = HtmlDocument.render(ReportScenarios.withSchannel(BROKEN,
                ReportScenarios.unreadableSchannelSettings()));
        org.w3c.dom.NodeList cells = html.byId("schannel").getElementsByTagName("td");
        List<String> warnings = new java.util.ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (cell.getAttribute("class").equals("warning")) {
                warnings.add(HtmlDocument.text(cell));
            }
        }
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("unreadable (registry type 1, not REG_DWORD)"), warnings::toString);
        assertTrue(warnings.get(1).startsWith("7: no trust mode is documented"), warnings::toString);
        assertTrue(HtmlDocument.text(html.byId("schannel")).contains("not told by the sources"));
    }

    private static AuditReport withSummary(AuditReport r, AuditReport.Summary summary) {
        return new AuditReport(r.schemaVersion(), r.tool(), r.host(), r.generatedAt(), r.evaluatedAt(), r.source(),
                r.status(), r.exitCode(), r.settings(), summary, r.serviceCertificates(), r.stores(), r.problems(),
                r.findings(), r.rules(), r.serviceAccount(), r.hostFacts(), r.peers(), r.signatureEngines(), r.dns(),
                r.auditElevated(), r.schannel(), r.revocation());
    }

    @Test
    void aLargeReportGoesOutAsItIsMadeNotHeldWhole() throws IOException {
        AuditReport many = ReportScenarios.manyCertificates(300);
        int[] largest = {0};
        StringWriter whole = new StringWriter();
        Writer out = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                largest[0] = Math.max(largest[0], length);
                whole.write(buffer, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        new HtmlReportWriter().write(many, out);

        String document = whole.toString();
        assertTrue(document.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), document.substring(0, 40));
        assertTrue(document.length() > 1_000_000, "length " + document.length());
        assertTrue(largest[0] < 100_000, "written in pieces of at most " + largest[0] + " characters");
        HtmlDocument.parse(document);
    }
}
