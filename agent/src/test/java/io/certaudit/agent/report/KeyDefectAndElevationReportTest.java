package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.html.HtmlReportWriter;

/**
 * The key's proven defect and whether the audit ran elevated reach every report: the JSON (schema 1.5), the text
 * status lines and the HTML facts; and the HTML peers section says whether a peer proved its key, as the text does.
 */
class KeyDefectAndElevationReportTest {

    private static final AuditReport NOT_ELEVATED = ReportScenarios.notElevatedWithAWrongKeyAndAnUnprovenPeer();

    private static String render(ReportWriter writer, AuditReport report) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(report, out);
        return out.toString();
    }

    @Test
    void theJsonCarriesTheKeyDefectAndTheElevationAndValidates() throws IOException {
        JsonNode json = ReportSchema.assertValid(render(new JsonReportWriter(), NOT_ELEVATED));
        assertEquals("1.5", json.get("schemaVersion").asText());
        assertEquals("no", json.get("auditElevated").asText());
        JsonNode key = json.get("stores").get(0).get("certificates").get(0).get("privateKey");
        assertEquals("key-mismatch", key.get("defect").asText(), key::toString);

        JsonNode healthy = ReportSchema.assertValid(render(new JsonReportWriter(), ReportScenarios.healthy()));
        assertEquals("unknown", healthy.get("auditElevated").asText(), "a folder source cannot tell");
        assertEquals("none", healthy.get("stores").get(0).get("certificates").get(0).get("privateKey")
                .get("defect").asText());
    }

    @Test
    void aSavedReportReadsBackWithBoth() throws Exception {
        String json = render(new JsonReportWriter(), NOT_ELEVATED);
        AuditReport read = ReportReader.read(json, "audit.json");
        assertEquals("no", read.auditElevated());
        assertEquals("key-mismatch", read.stores().get(0).certificates().get(0).privateKey().defect());
    }

    @Test
    void theTextReportSaysTheAuditWasNotElevatedAndTheKeyIsWrong() throws IOException {
        String text = render(new TextReportWriter(), NOT_ELEVATED);
        assertTrue(text.contains("Not run as administrator"), text);
        assertTrue(text.contains("wrong key"), text);
        assertFalse(render(new TextReportWriter(), ReportScenarios.healthy()).contains("Not run as administrator"));
    }

    @Test
    void theHtmlReportShowsTheDefectTheElevationAndThePeersKeyProof() throws IOException {
        String html = render(new HtmlReportWriter(), NOT_ELEVATED);
        assertTrue(html.contains("Run as administrator") && html.contains("no: facts only an elevated audit"), html);
        assertTrue(html.contains("key-mismatch: the key is not the certificate&#39;s key")
                || html.contains("key-mismatch: the key is not the certificate's key"), html);
        assertTrue(html.contains("Key proof") && html.contains("did not prove it holds this certificate"), html);
        String proven = render(new HtmlReportWriter(), ReportScenarios.withPeers());
        assertTrue(proven.contains("the peer signed the handshake with the key of the certificate it sent"), proven);
    }
}
