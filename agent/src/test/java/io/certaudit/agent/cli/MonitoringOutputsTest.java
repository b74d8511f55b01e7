package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.eventlog.AuditEvents;
import io.certaudit.agent.eventlog.EventEntry;
import io.certaudit.agent.eventlog.EventType;
import io.certaudit.agent.eventlog.FakeEventLog;
import io.certaudit.agent.install.FakeScheduledTasks;
import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.Promtool;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** The outputs monitoring reads: the Prometheus textfile, NDJSON, the kept previous audit, the event per run. */
class MonitoringOutputsTest {

    private static final TestPki PKI = new TestPki();
    /** A subject with every character the exposition format escapes, and a quote and backslash in DN syntax. */
    private static final Issued ROOT = PKI.root("CN=Lab \\\"Quoted\\\" \\\\ Root\nSecond line,O=Example");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Monitoring Issuing CA").ca());
    private static final String AT = TestPki.NOW.toString();

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void host() {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
        // The same root twice in ROOT, as in .Default and .GroupPolicy: one sample, or the collector rejects the file.
        host.pem("ROOT", "root-again.crt", ROOT);
        host.pem("CA", "issuing.crt", CA);
        Issued leaf = PKI.issue(CA, PKI.spec("bemsapppool").san("bemsapppool"));
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    private CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--source", host.root().toString(), "--at", AT));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    /** Both textfiles below, checked by promtool, Prometheus's own parser (when it is installed). */
    @Test
    @Tag("external-tool")
    void everyTextfileParsesWithPromtool() throws Exception {
        Promtool.assertValid(Files.readString(brokenHostTextfile()));
        Promtool.assertValid(healthyHostTextfile());
    }

    private Path brokenHostTextfile() {
        Path prom = dir.resolve("certaudit.prom");
        CliRun run = audit("--output", "prometheus=" + prom, "--output", "json=" + dir.resolve("audit.json"));
        assertEquals(2, run.exitCode(), run::toString);
        return prom;
    }

    @Test
    void thePrometheusTextfileCarriesStatusFindingsAndExpiry() throws Exception {
        Path prom = dir.resolve("certaudit.prom");
        Path json = dir.resolve("audit.json");
        CliRun run = audit("--output", "prometheus=" + prom, "--output", "json=" + json);
        assertEquals(2, run.exitCode(), run::toString);
        String text = Files.readString(prom);
        String rootSubject = ReportSchema.assertValid(Files.readString(json)).get("stores").get(2)
                .get("certificates").get(0).get("subject").asText();
        assertTrue(rootSubject.contains("\"") && rootSubject.contains("\\") && rootSubject.contains("\n"),
                "the subject exercises every escape: " + rootSubject);

        assertFalse(text.contains("\r"), "LF line ends only");
        assertTrue(text.endsWith("\n"));
        assertTrue(text.contains("\ncertaudit_status 2\n"), text);
        assertTrue(text.contains("# TYPE certaudit_status gauge\n"), text);
        assertTrue(text.contains("certaudit_findings{rule=\"subject-cn-not-fqdn\",severity=\"error\"} 1\n"), text);
        assertTrue(text.contains("certaudit_findings_by_severity{severity=\"warning\"}"), text);
        assertTrue(text.contains("certaudit_certificates{store=\"ROOT\"} 2\n"), text);
        assertTrue(text.contains("certaudit_last_run_timestamp_seconds "), text);
        // Label values escape backslash, double quote and line feed, and nothing else.
        String rootLabel = "subject=\"" + rootSubject.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + "\"";
        List<String> rootSamples = text.lines().filter(l -> l.contains(rootThumbprint())).toList();
        assertEquals(1, rootSamples.size(), "the root present twice in ROOT is one sample:\n" + text);
        assertTrue(rootSamples.get(0).contains(rootLabel), rootSamples.get(0));
        long notAfter = ROOT.holder().getNotAfter().toInstant().getEpochSecond();
        assertTrue(rootSamples.get(0).endsWith("service=\"false\"} " + notAfter), rootSamples.get(0));
    }

    private static String rootThumbprint() {
        return ROOT.in(io.certaudit.model.StoreName.ROOT).thumbprint();
    }

    @Test
    void aHealthyHostStillExposesEverySeverityAtZero() throws Exception {
        String text = healthyHostTextfile();
        assertTrue(text.contains("certaudit_findings_by_severity{severity=\"error\"} 0\n"), text);
        assertFalse(text.contains("certaudit_findings{"), text);
    }

    private String healthyHostTextfile() {
        Path healthy = dir.resolve("healthy");
        HostFolder good = new HostFolder(healthy);
        Issued root = PKI.root("Healthy Root");
        Issued ca = PKI.issue(root, PKI.spec("Healthy CA").ca());
        Issued leaf = PKI.issue(ca, PKI.spec("bems.example.com").san("bems.example.com"));
        good.pem("ROOT", "root.crt", root);
        good.pem("CA", "ca.crt", ca);
        good.pemWithKey("MY", "service.pem", leaf, leaf);
        CliRun run = CliRun.run("audit", "--source", healthy.toString(), "--at", AT, "--format", "prometheus");
        assertEquals(0, run.exitCode(), run::toString);
        return run.out();
    }

    @Test
    void ndjsonHasOneCompleteObjectPerFindingThenOneForTheRun() throws Exception {
        Path ndjson = dir.resolve("findings.ndjson");
        CliRun run = audit("--output", "ndjson=" + ndjson);
        assertEquals(2, run.exitCode(), run::toString);
        String text = Files.readString(ndjson);
        assertFalse(text.contains("\r"));
        List<String> lines = text.lines().toList();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            objects.add(Json.MAPPER.readTree(line));
        }
        JsonNode run1 = objects.get(objects.size() - 1);
        assertEquals("run", run1.get("type").asText());
        assertEquals("CRITICAL", run1.get("status").asText());
        assertEquals(objects.size() - 1, run1.get("findings").asInt(), text);
        JsonNode cn = objects.stream().filter(o -> o.get("rule").asText("").equals("subject-cn-not-fqdn"))
                .findFirst().orElseThrow();
        assertEquals("finding", cn.get("type").asText());
        assertEquals("bems01", cn.get("host").asText());
        assertEquals("error", cn.get("severity").asText());
        assertEquals("MY", cn.get("store").asText());
        assertTrue(cn.get("thumbprint").asText().matches("[0-9A-F]{40}"));
        assertEquals(run1.get("timestamp").asText(), cn.get("timestamp").asText());
        // The root's subject holds a line feed: still one line per object.
        assertTrue(objects.stream().anyMatch(o -> o.path("subject").asText().contains("\nSecond line")), text);
    }

    @Test
    void keepPreviousKeepsTheReplacedJsonAuditBesideTheNewOne() throws Exception {
        Path json = dir.resolve("audit.json");
        Path previous = dir.resolve("audit.previous.json");
        CliRun first = audit("--output", "json=" + json, "--keep-previous");
        assertEquals(2, first.exitCode(), first::toString);
        assertFalse(Files.exists(previous), "nothing to keep on the first run");
        String firstReport = Files.readString(json);

        CliRun second = CliRun.run("audit", "--source", host.root().toString(), "--output", "json=" + json,
                "--keep-previous", "--at", "2026-07-01T00:00:00Z");
        assertEquals(2, second.exitCode(), second::toString);
        assertEquals(firstReport, Files.readString(previous));
        ReportSchema.assertValid(Files.readString(previous));
        assertEquals("2026-07-01T00:00:00Z", ReportSchema.assertValid(Files.readString(json)).get("evaluatedAt")
                .asText());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void keepPreviousWithoutAJsonFileIsAUsageError() {
        CliRun run = audit("--keep-previous");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--keep-previous"), run::toString);
    }

    @Test
    void eventLogWritesOneEventWhoseIdAndTypeSayTheStatus() {
        FakeEventLog events = new FakeEventLog();
        events.registered = true;
        Platform windows = TestPlatforms.windows(new FakeScheduledTasks(), events, Map.of("COMPUTERNAME", "BEMS01"));
        Path json = dir.resolve("audit.json");
        CliRun run = CliRun.run(windows, "audit", "--source", host.root().toString(), "--at", AT, "--output",
                "json=" + json, "--event-log");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, events.events.size());
        EventEntry event = events.events.get(0);
        assertEquals(AuditEvents.CRITICAL, event.eventId());
        assertEquals(EventType.ERROR, event.type());
        assertTrue(event.message().startsWith("CERTAUDIT CRITICAL"), event.message());
        assertTrue(event.message().contains("subject-cn-not-fqdn"), event.message());
        assertTrue(event.message().contains("Full audit: " + json.toAbsolutePath()), event.message());
    }

    @Test
    void aRunThatCannotAuditStillWritesItsEvent() {
        FakeEventLog events = new FakeEventLog();
        Platform windows = TestPlatforms.windows(new FakeScheduledTasks(), events, Map.of("COMPUTERNAME", "BEMS01"));
        CliRun run = CliRun.run(windows, "audit", "--source", dir.resolve("absent").toString(), "--event-log");
        assertEquals(3, run.exitCode(), run::toString);
        assertEquals(1, events.events.size());
        assertEquals(AuditEvents.UNKNOWN, events.events.get(0).eventId());
        assertTrue(events.events.get(0).message().contains("BEMS01"), events.events.get(0).message());
    }

    @Test
    void eventLogOffWindowsIsAUsageErrorBeforeAnythingRuns() {
        CliRun run = CliRun.run(TestPlatforms.linux(), "audit", "--source", host.root().toString(), "--event-log");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--event-log") && run.err().contains("needs Windows"), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }
}
