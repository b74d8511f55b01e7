package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** {@code certaudit report}: a saved audit renders as the live audit did, and exits with its status. */
class ReportCommandTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Report Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Report Test Issuing CA").ca());
    private static final String AT = TestPki.NOW.toString();
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void host() {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
    }

    /** A host whose service certificate's issuing CA is missing: CRITICAL. */
    private void brokenChain() {
        Issued leaf = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    private void healthy() {
        host.pem("CA", "issuing.crt", CA);
        Issued leaf = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    private CliRun audit(String... outputs) {
        String[] base = {"audit", "--source", host.root().toString(), "--at", AT};
        String[] args = new String[base.length + outputs.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(outputs, 0, args, base.length, outputs.length);
        return CliRun.run(args);
    }

    private Path savedAudit() {
        Path json = dir.resolve("audit.json");
        CliRun run = audit("--output", "json=" + json);
        assertTrue(run.exitCode() < 3, run::toString);
        return json;
    }

    @Test
    void aSavedAuditRendersExactlyAsTheLiveAuditDid() throws Exception {
        brokenChain();
        Path json = dir.resolve("audit.json");
        Path html = dir.resolve("report.html");
        Path text = dir.resolve("report.txt");
        CliRun live = audit("--output", "json=" + json, "--output", "html=" + html, "--output", "text=" + text);
        assertEquals(2, live.exitCode(), live::toString);
        ReportSchema.assertValid(Files.readString(json, StandardCharsets.UTF_8));

        CliRun fromJsonHtml = CliRun.run("report", json.toString(), "--format", "html");
        assertEquals(2, fromJsonHtml.exitCode(), fromJsonHtml::toString);
        assertEquals(Files.readString(html, StandardCharsets.UTF_8), fromJsonHtml.out());

        CliRun fromJsonText = CliRun.run("report", json.toString());
        assertEquals(Files.readString(text, StandardCharsets.UTF_8), fromJsonText.out(), "text is the default");
        assertTrue(fromJsonText.out().startsWith("CERTAUDIT CRITICAL"), fromJsonText::toString);

        CliRun fromJsonJson = CliRun.run("report", json.toString(), "--format", "json");
        assertEquals(Files.readString(json, StandardCharsets.UTF_8), fromJsonJson.out(), "the JSON is the record");
    }

    @Test
    void theExitCodeIsTheSavedAuditsStatus() {
        healthy();
        Path json = savedAudit();
        assertEquals(0, CliRun.run("report", json.toString()).exitCode());
        Issued expiring = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com")
                .valid(TestPki.NOW.minusSeconds(86_400), TestPki.NOW.plusSeconds(5 * 86_400)));
        host.pemWithKey("MY", "service.pem", expiring, expiring);
        assertEquals(1, CliRun.run("report", savedAudit().toString()).exitCode());
    }

    @Test
    void theReportCanBeWrittenToFilesInSeveralFormats() throws Exception {
        brokenChain();
        Path json = savedAudit();
        Path html = dir.resolve("out.html");
        Path text = dir.resolve("out.txt");
        CliRun run = CliRun.run("report", json.toString(), "--output", "html=" + html, "--output", "text=" + text);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(text).startsWith("CERTAUDIT CRITICAL"));
    }

    @Test
    void whatCannotBeRenderedExitsThreeWithAMessage() throws Exception {
        healthy();
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "not json at all");
        Path config = Files.writeString(dir.resolve("certaudit.json"), "{\"poolFqdn\": \"bems.example.com\"}");
        String saved = Files.readString(savedAudit());
        Path future = Files.writeString(dir.resolve("future.json"),
                saved.replaceFirst("\"schemaVersion\" : \"1\\.\\d+\"", "\"schemaVersion\" : \"2.0\""));
        Map<String[], String> cases = Map.of(
                new String[] {"report", dir.resolve("absent.json").toString()}, "does not exist",
                new String[] {"report", notJson.toString()}, "is not JSON",
                new String[] {"report", config.toString()}, "is not a certaudit audit report",
                new String[] {"report", future.toString()}, "schema version 2.0",
                new String[] {"report", future.toString().replace("future", "x"), "--format", "pdf"},
                "unknown report format 'pdf'; use one of: json, text,",
                new String[] {"report"}, "Missing required parameter");
        for (Map.Entry<String[], String> entry : cases.entrySet()) {
            CliRun run = CliRun.run(entry.getKey());
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("certaudit: ") && run.err().contains(entry.getValue()), run::toString);
            assertFalse(run.err().contains("\tat "), run::toString);
        }
    }

    @Test
    void textIsInColourOnATerminalUnlessTurnedOff() {
        brokenChain();
        String json = savedAudit().toString();
        assertTrue(CliRun.onTerminal(Map.of(), "report", json).out().contains(ESC + "[1;31m"), "colour on a terminal");
        assertFalse(CliRun.run("report", json).out().contains(ESC), "none into a pipe or file");
        assertFalse(CliRun.onTerminal(Map.of(), "report", json, "--no-color").out().contains(ESC), "--no-color");
        assertFalse(CliRun.onTerminal(Map.of("NO_COLOR", "1"), "report", json).out().contains(ESC), "NO_COLOR");
        assertTrue(CliRun.onTerminal(Map.of("NO_COLOR", ""), "report", json).out().contains(ESC),
                "an empty NO_COLOR is unset (no-color.org)");
        assertFalse(CliRun.onTerminal(Map.of(), "report", json, "--format", "json").out().contains(ESC),
                "only text is coloured");
        CliRun live = CliRun.onTerminal(Map.of(), "audit", "--source", host.root().toString(), "--at", AT);
        assertTrue(live.out().contains(ESC + "[1;31m"), "the audit's own text too");
    }

    @Test
    void filesAreNeverColouredEvenFromATerminal() throws Exception {
        brokenChain();
        Path text = dir.resolve("audit.txt");
        CliRun run = CliRun.onTerminal(Map.of(), "audit", "--source", host.root().toString(), "--at", AT,
                "--output", "text=" + text);
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.readString(text).contains(ESC));
    }

    @Test
    void theAuditWritesHtmlToStandardOutputToo() throws Exception {
        healthy();
        CliRun run = audit("--format", "html");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("<!DOCTYPE html>") && run.out().contains("Certificate audit of bems01"));
    }

    @Test
    void aForgedSavedAuditIsRecountedAndPrintedCleanly() throws Exception {
        brokenChain();
        Path json = savedAudit();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.certaudit.agent.report.Json.MAPPER.readTree(json.toFile());
        tree.put("status", "OK").put("exitCode", 0).put("host", "bems01" + ESC + "]0;pwned" + ESC + "\\\u202e");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("findings").get(0))
                .put("message", "all good" + ESC + "[2K\rCERTAUDIT OK");
        Files.writeString(json, tree.toString());

        CliRun report = CliRun.run("report", json.toString(), "--format", "text");

        assertEquals(2, report.exitCode(), report::toString);
        assertTrue(report.err().contains("says OK (exit 0) but its findings make it CRITICAL (exit 2)"),
                report::toString);
        assertTrue(report.out().startsWith("CERTAUDIT CRITICAL"), report::toString);
        assertFalse(report.out().contains(ESC) || report.out().contains("\r") || report.out().contains("\u202e"),
                report::toString);
    }

    @Test
    void statusReadsTheLastAuditAsDataNotTruth() throws Exception {
        brokenChain();
        Path json = savedAudit();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.certaudit.agent.report.Json.MAPPER.readTree(json.toFile());
        tree.put("status", "OK").put("exitCode", 0).put("host", "bems01" + ESC + "[8m");
        Files.writeString(json, tree.toString());

        CliRun status = CliRun.run("status", "--output-dir", dir.toString());

        assertEquals(2, status.exitCode(), status::toString);
        assertTrue(status.out().contains("CERTAUDIT CRITICAL"), status::toString);
        assertTrue(status.out().contains("not as written: it says OK (exit 0)"), status::toString);
        assertFalse(status.out().contains(ESC), status::toString);

        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("findings").get(0)).put("severity", "none");
        Files.writeString(json, tree.toString());
        CliRun forged = CliRun.run("status", "--output-dir", dir.toString());
        assertEquals(3, forged.exitCode(), forged::toString);
        assertTrue(forged.out().contains("findings[0].severity is 'none'"), forged::toString);
    }
}
