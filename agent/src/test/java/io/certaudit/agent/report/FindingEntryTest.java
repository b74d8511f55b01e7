package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A report finding whose remediation is its steps joined holds the steps only, and is written and read back with
 * the joined text, as before.
 */
class FindingEntryTest {

    private static final List<String> STEPS = List.of("Renew the certificate.",
            "Install it with certreq -accept -machine certreq-ABC.cer.");
    private static final String JOINED = String.join(" ", STEPS);

    @Test
    void writtenAndReadWithTheJoinedText() throws Exception {
        AuditReport.FindingEntry entry = new AuditReport.FindingEntry("key-too-short", "error", "MY", "ABC", "CN=x",
                "short key", JOINED, Map.of("bits", "1024"), null, STEPS);
        Field held = AuditReport.FindingEntry.class.getDeclaredField("remediation");
        held.setAccessible(true);
        assertNotEquals(JOINED, held.get(entry), "the joined text is not kept beside the steps");

        String json = Json.MAPPER.writeValueAsString(entry);
        JsonNode tree = Json.MAPPER.readTree(json);
        assertEquals(JOINED, tree.get("remediation").asText());
        assertEquals(STEPS.get(1), tree.get("remediationSteps").get(1).asText());

        AuditReport.FindingEntry read = Json.MAPPER.readValue(json, AuditReport.FindingEntry.class);
        assertEquals(entry, read);
        assertEquals(JOINED, read.remediation());
        assertEquals("Other text.", new AuditReport.FindingEntry("r", "error", null, null, null, "m", "Other text.",
                Map.of(), null, STEPS).remediation());
    }
}
