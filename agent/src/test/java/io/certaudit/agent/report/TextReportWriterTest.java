package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    private static final AuditReport BROKEN = ReportScenarios.brokenMtls();
    private static final String ESC = "\u001b";

    private static String render(AuditReport report, TextStyle style) {
        StringWriter out = new StringWriter();
        try {
            new TextReportWriter(style).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String withoutColour(String text) {
        return text.replaceAll(ESC + "\\[[0-9;]*m", "");
    }

    @Test
    void colourOnlyWhenAskedAndOtherwiseTheSameText() {
        String plain = render(BROKEN, TextStyle.PLAIN);
        String coloured = render(BROKEN, TextStyle.COLOUR);
        assertFalse(plain.contains(ESC), "no escape codes in plain text");
        assertTrue(coloured.contains(ESC + "[1;31mERROR"), "errors in bold red");
        assertTrue(coloured.contains(ESC + "[1;33mWARNING"), "warnings in yellow");
        assertTrue(coloured.startsWith(ESC + "[1;31mCERTAUDIT CRITICAL"), "the status line in its colour");
        assertEquals(plain, withoutColour(coloured), "colour adds codes and nothing else");
        assertEquals(new TextReportWriter().getClass(), TextReportWriter.class);
        StringWriter byDefault = new StringWriter();
        try {
            new TextReportWriter().write(BROKEN, byDefault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(plain, byDefault.toString(), "files get plain text");
    }

    @Test
    void theFirstLineIsTheStatusLine() {
        String text = render(BROKEN, TextStyle.PLAIN);
        assertEquals(StatusLine.of(BROKEN), text.lines().findFirst().orElseThrow());
    }

    @Test
    void everyFindingIsListedWithItsFix() {
        String text = render(BROKEN, TextStyle.PLAIN);
        String unwrapped = text.replaceAll("\n +", " ");
        for (AuditReport.FindingEntry finding : BROKEN.findings()) {
            assertTrue(text.contains(finding.rule()), finding::rule);
            assertTrue(unwrapped.contains(finding.message()), finding::message);
        }
        assertTrue(text.contains("Fix: "));
        assertTrue(text.contains("Fix: 1. Open the entry named in the finding"), "several steps are numbered");
    }

    @Test
    void tablesAreAlignedWhateverTheColour() {
        for (TextStyle style : List.of(TextStyle.PLAIN, TextStyle.COLOUR)) {
            List<String> lines = withoutColour(render(BROKEN, style)).lines().toList();
            int header = indexOfLineStartingWith(lines, "  Certificate ");
            String headerLine = lines.get(header);
            for (String row : lines.subList(header + 1, header + 3)) {
                for (String column : List.of("Thumbprint", "Expires", "Key", "Chain", "Health")) {
                    int start = headerLine.indexOf(column);
                    assertTrue(start > 0 && row.charAt(start - 1) == ' ' && row.charAt(start) != ' ',
                            () -> column + " column starts at " + start + ":\n" + headerLine + "\n" + row);
                }
                int daysEnd = headerLine.indexOf("Days") + "Days".length();
                assertTrue(Character.isDigit(row.charAt(daysEnd - 1)), "days right-aligned:\n" + headerLine
                        + "\n" + row);
            }
            int stores = 0;
            while (!lines.get(stores).matches("  Store +Name .*")) {
                stores++;
            }
            int nameColumn = lines.get(stores).indexOf("Name");
            assertTrue(lines.get(stores + 3).startsWith("  ROOT ")
                    && lines.get(stores + 3).indexOf("Trusted Root Certification Authorities") == nameColumn,
                    lines.get(stores) + "\n" + lines.get(stores + 3));
            assertTrue(lines.get(stores + 4).startsWith("  DISALLOWED")
                    && lines.get(stores + 4).indexOf("Untrusted Certificates") == nameColumn, lines.get(stores + 4));
        }
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }

    @Test
    void chainsNameEachStoreAndTheGapOrBrokenAnchor() {
        String text = render(BROKEN, TextStyle.PLAIN).replaceAll("\n +", " ");
        assertTrue(text.contains("bemsapppool.contoso.com [MY] > MISSING: C=US,O=Contoso,CN=Contoso Issuing CA 2 "
                + "(in no store)"), text);
        assertTrue(text.contains("bemsapppool.contoso.com [MY] > Contoso Lab Root [CA] (root NOT in Trusted Root)"),
                text);
        assertTrue(render(ReportScenarios.healthy(), TextStyle.PLAIN).replaceAll("\n +", " ")
                .contains("Contoso Issuing CA 2 [CA] > Contoso Root CA [ROOT] (trusted root)"));
    }

    @Test
    void probedPeersAreListedAndTheirFindingsNameThem() {
        AuditReport report = ReportScenarios.withPeers();
        String text = render(report, TextStyle.PLAIN);
        assertTrue(text.contains("Peers (2)"), text);
        assertTrue(text.contains("lyncfe02.contoso.com:5061  not reached (refused): connection refused"), text);
        assertTrue(text.contains("accepts client certificates from: "), text);
        report.findings().stream().filter(f -> f.peer() != null)
                .forEach(f -> assertTrue(text.contains("  Peer " + f.peer() + "\n"), text));
    }

    @Test
    void theTrustedIssuerListSizeIsShownAgainstTheLimit() {
        String text = render(BROKEN, TextStyle.PLAIN);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%,d of 16,384 bytes",
                BROKEN.summary().rootStoreIssuerListBytes())), text);
    }

    @Test
    void noLineIsWiderThanTheWrapWidthUnlessOneWordIs() {
        for (String line : render(BROKEN, TextStyle.PLAIN).lines().skip(1).toList()) {
            assertTrue(line.length() <= TextReportWriter.WIDTH || !line.strip().contains(" "), line);
        }
    }

    @Test
    void controlCharactersFromACertificateNeverReachTheTerminal() {
        AuditReport hostile = ReportScenarios.withServiceCertificateNamed("evil\u001b[2J\u001b]0;owned\u0007\nname");
        String plain = render(hostile, TextStyle.PLAIN);
        assertFalse(plain.contains(ESC) || plain.contains("\u0007"), plain);
        assertFalse(plain.lines().anyMatch(line -> line.startsWith("name")), "no line break injected");
        String coloured = render(hostile, TextStyle.COLOUR);
        assertFalse(withoutColour(coloured).contains(ESC), "only the writer's own colour codes");
    }

    @Test
    void theSchannelSettingsAndTheWindowsVersionAreShownWhenTheSourcesReadThem() {
        List<String> lines = render(BROKEN, TextStyle.PLAIN).lines().toList();
        int heading = lines.indexOf("SCHANNEL settings");
        assertTrue(heading > 0, () -> String.join("\n", lines));
        assertEquals(List.of(
                "  SendTrustedIssuerList  absent: the Windows version's default (sent up to Windows Server 2008 R2,",
                "                         not sent since Windows Server 2012)",
                "  ClientAuthTrustMode    2: Exclusive CA Trust",
                "  Windows                Windows Server 2019 Standard (build 17763)",
                "  Read from              registry export, exports/bems01/schannel.reg"),
                lines.subList(heading + 2, heading + 7));
        assertFalse(render(ReportScenarios.healthy(), TextStyle.PLAIN).lines().anyMatch("SCHANNEL settings"::equals),
                "no section when no source read the settings or the version");
    }

    @Test
    void anUnreadableOrUndocumentedSettingIsAWarningAndAVersionAloneIsShownAlone() {
        AuditReport unreadable = ReportScenarios.withSchannel(BROKEN, ReportScenarios.unreadableSchannelSettings());
        String plain = render(unreadable, TextStyle.PLAIN);
        String unwrapped = plain.replaceAll("\n +", " ");
        assertTrue(unwrapped.contains("SendTrustedIssuerList  unreadable (registry type 1, not REG_DWORD): "
                + "whether Schannel sends the list is unknown"), plain);
        assertTrue(unwrapped.contains("ClientAuthTrustMode    7: no trust mode is documented for this value; "
                + "what Schannel does is unknown"), plain);
        assertTrue(plain.contains("  Windows                not told by the sources"), plain);
        String coloured = render(unreadable, TextStyle.COLOUR);
        assertTrue(coloured.contains(ESC + "[1;33munreadable (registry type 1"), "a warning in its colour");
        assertTrue(coloured.contains(ESC + "[1;33m7: no trust mode"), "a warning in its colour");

        String versionOnly = render(ReportScenarios.withSchannel(BROKEN, new AuditReport.Schannel(null, null, null,
                null, null, "Windows Server 2012 R2 Datacenter (build 9600)")), TextStyle.PLAIN);
        assertTrue(versionOnly.contains("  SCHANNEL settings      not read by the sources"), versionOnly);
        assertTrue(versionOnly.contains("  Windows                Windows Server 2012 R2 Datacenter (build 9600)"),
                versionOnly);
        assertFalse(versionOnly.contains("Read from"), versionOnly);
    }

    @Test
    void aHostileSettingFromASavedAuditStaysOnItsLine() {
        String plain = render(ReportScenarios.withSchannel(BROKEN, new AuditReport.Schannel("registry export",
                "x.reg\nCERTAUDIT OK\u001b[2J", new AuditReport.DwordValue("absent", null, null),
                new AuditReport.DwordValue("absent", null, null), "Machine Trust", null)), TextStyle.PLAIN);
        assertFalse(plain.contains("\u001b") || plain.lines().anyMatch(line -> line.startsWith("CERTAUDIT OK")),
                plain);
    }
}
