package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.capture.CaptureFile;
import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.ReportSchema;

/** {@code certaudit capture} and {@code audit --source FILE.capture} through the command line. */
class CaptureCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "bems-host");
    private static final String CONFIG = EXAMPLE.resolve("certaudit.yaml").toString();

    @TempDir
    Path folder;

    @Test
    void theExampleHostAuditsFromItsCaptureAsItDoesDirectly() throws Exception {
        Path capture = folder.resolve("bems-host.capture");
        CliRun made = CliRun.run("capture", "--source", EXAMPLE.toString(), "--output", capture.toString());
        assertEquals(0, made.exitCode(), made::toString);
        assertTrue(made.out().contains("It holds no private key"), made.out());

        JsonNode direct = audit(EXAMPLE.toString());
        JsonNode fromCapture = audit(capture.toString());
        assertFalse(direct.get("findings").isEmpty());
        for (String field : List.of("host", "status", "exitCode", "summary", "serviceCertificates", "stores",
                "problems", "findings", "serviceAccount", "hostFacts")) {
            assertEquals(direct.get(field), fromCapture.get(field), field);
        }
        for (int i = 0; i < direct.get("rules").size(); i++) {
            JsonNode before = direct.get("rules").get(i);
            JsonNode after = fromCapture.get("rules").get(i);
            assertEquals(before.get("id"), after.get("id"));
            if (after.has("notRunReason")) {
                assertEquals("disabled", after.get("result").asText(), after::toString);
                assertEquals("not-applicable", before.get("result").asText(), before::toString);
            } else {
                assertEquals(before, after);
            }
        }
        assertEquals("a capture holds no TLS handshake: the peers must be probed from the captured host's network "
                + "(certaudit probe --peer HOST:PORT on that host)", reason(fromCapture, "peer-untrusted"));
        assertTrue(reason(fromCapture, "fqdn-not-resolvable").startsWith("a capture holds no DNS answers"));
        assertTrue(fromCapture.get("source").asText().startsWith("capture "), fromCapture.get("source")::toString);
    }

    @Test
    void theReportsAndASavedAuditKeepWhyARuleWasNotRun() throws Exception {
        Path capture = folder.resolve("host.capture");
        CliRun.run("capture", "--source", EXAMPLE.toString(), "--output", capture.toString());
        Path saved = folder.resolve("audit.json");
        CliRun run = CliRun.run("audit", "--source", capture.toString(), "--config", CONFIG, "--at", "2030-01-01",
                "--output", saved.toString());
        assertEquals(2, run.exitCode(), run::toString);
        CliRun text = CliRun.run("report", saved.toString(), "--format", "text", "--no-color");
        assertTrue(text.out().contains("Not run: fqdn-not-resolvable. a capture holds no DNS answers"), text::toString);
        CliRun html = CliRun.run("report", saved.toString(), "--format", "html");
        assertTrue(html.out().contains("a capture holds no DNS answers"), "the HTML rules table says why");
        CliRun json = CliRun.run("report", saved.toString(), "--format", "json");
        assertEquals(reason(Json.MAPPER.readTree(Files.readString(saved)), "peer-untrusted"),
                reason(Json.MAPPER.readTree(json.out()), "peer-untrusted"));
        assertTrue(reason(Json.MAPPER.readTree(json.out()), "peer-untrusted").startsWith("a capture holds no TLS"));
    }

    @Test
    void theCaptureHoldsNoKeyMaterial() throws Exception {
        Path capture = folder.resolve("host.capture");
        assertEquals(0, CliRun.run("capture", "--source", EXAMPLE.toString(), "--output", capture.toString())
                .exitCode());
        String text = Files.readString(capture);
        String key = Files.readString(EXAMPLE.resolve("MY").resolve("bemsapppool.example.com.key"));
        String body = key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertFalse(text.contains(body.substring(0, 40)), "no part of the key file");
        assertFalse(text.contains("PRIVATE KEY"));
        assertFalse(text.contains(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(body))
                .substring(0, 40)));
    }

    @Test
    void damagedCapturesAreOneLineAndExitThree() throws Exception {
        Path capture = folder.resolve("host.capture");
        CliRun.run("capture", "--source", EXAMPLE.toString(), "--output", capture.toString());
        String good = Files.readString(capture);

        Files.writeString(capture, good.replace("bemsapppool", "bemsappp00l"));
        assertOneLine(CliRun.run("audit", "--source", capture.toString()), "does not match its SHA-256 digest");

        Files.write(capture, Arrays.copyOf(good.getBytes(StandardCharsets.UTF_8), good.length() / 3));
        assertOneLine(CliRun.run("audit", "--source", capture.toString()), "is truncated or not JSON");

        Files.writeString(capture, good.replace("\"schemaVersion\" : \"" + CaptureFile.SCHEMA_VERSION + "\"",
                "\"schemaVersion\" : \"3.1\""));
        assertOneLine(CliRun.run("audit", "--source", capture.toString()), "schema version 3.1");

        Files.writeString(capture, good);
        assertOneLine(CliRun.run("audit", "--source", capture.toString(), "--max-entries", "1"),
                "more than the 1 a source may give");

        Files.writeString(capture, "{\"format\": \"certaudit-capture\", \"x\": " + "[".repeat(5000));
        assertOneLine(CliRun.run("audit", "--source", capture.toString()), "capture");

        assertOneLine(CliRun.run("audit", "--source", "ROOT=" + capture), "a capture names the store");
    }

    @Test
    void captureNeedsAnOutputAndAReadableSource() {
        CliRun noOutput = CliRun.run("capture", "--source", EXAMPLE.toString());
        assertEquals(3, noOutput.exitCode());
        assertTrue(noOutput.err().contains("--output"), noOutput.err());
        assertOneLine(CliRun.run("capture", "--source", folder.resolve("missing").toString(), "--output",
                folder.resolve("x.capture").toString()), "does not exist");
        assertFalse(Files.exists(folder.resolve("x.capture")));
    }

    private static void assertOneLine(CliRun run, String expected) {
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("certaudit: "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertFalse(run.err().contains("internal error"), run::toString);
        assertTrue(run.err().contains(expected), run::toString);
    }

    private static JsonNode audit(String source) throws Exception {
        CliRun run = CliRun.run("audit", "--source", source, "--config", CONFIG, "--format", "json", "--at",
                "2030-01-01", "--host-name", "bems-host");
        assertEquals(2, run.exitCode(), run::toString);
        ReportSchema.assertValid(run.out());
        return Json.MAPPER.readTree(run.out());
    }

    private static String reason(JsonNode report, String rule) {
        for (JsonNode outcome : report.get("rules")) {
            if (outcome.get("id").asText().equals(rule)) {
                return outcome.path("notRunReason").asText(null);
            }
        }
        throw new AssertionError("no rule " + rule);
    }
}
