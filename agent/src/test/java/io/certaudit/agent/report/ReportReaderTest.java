package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certaudit.catalog.rootstore.TrustedIssuerList;
import io.certaudit.model.StoreName;

class ReportReaderTest {

    private static final AuditReport BROKEN = ReportScenarios.brokenMtls();

    private static String json(AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            new JsonReportWriter().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ObjectNode tree() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json(BROKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(String json) {
        return assertThrows(UnreadableReportException.class, () -> ReportReader.read(json, "audit.json"))
                .getMessage();
    }

    @Test
    void aWrittenReportReadsBackEqual() throws Exception {
        String json = json(BROKEN);
        ReportSchema.assertValid(json);
        assertEquals(BROKEN, ReportReader.read(json, "audit.json"));
    }

    @Test
    void theReportCarriesTheTrustedIssuerListSize() {
        int expected = TrustedIssuerList.of(ReportScenarios.brokenMtlsSnapshot().store(StoreName.ROOT)).bytes();
        assertEquals(expected, BROKEN.summary().rootStoreIssuerListBytes());
        assertEquals("1.3", BROKEN.schemaVersion());
    }

    @Test
    void aVersionOneZeroReportWithoutTheNewFieldStillReads() throws Exception {
        ObjectNode tree = tree();
        tree.put("schemaVersion", "1.0");
        ((ObjectNode) tree.get("summary")).remove("rootStoreIssuerListBytes");
        ReportSchema.assertValid(tree.toString());
        assertNull(ReportReader.read(tree.toString(), "old.json").summary().rootStoreIssuerListBytes());
    }

    @Test
    void aNewerMinorVersionWithFieldsThisOneDoesNotKnowReads() throws Exception {
        ObjectNode tree = tree();
        tree.put("schemaVersion", "1.9");
        tree.putArray("futureSection").addObject().put("address", "lyncpool.contoso.com:5061");
        ((ObjectNode) tree.get("stores").get(0).get("certificates").get(0)).put("futureFact", true);
        AuditReport report = ReportReader.read(tree.toString(), "newer.json");
        assertEquals(BROKEN.findings(), report.findings());
    }

    @Test
    void anotherMajorVersionIsRefusedSayingWhichItIs() {
        ObjectNode tree = tree();
        tree.put("schemaVersion", "2.0");
        String message = refusal(tree.toString());
        assertTrue(message.contains("schema version 2.0") && message.contains("reads version 1.x"), message);
    }

    @Test
    void somethingElseIsRefusedClearly() {
        assertTrue(refusal("{\"schemaVersion\": ").contains("audit.json is not JSON (line 1"), refusal("{"));
        assertTrue(refusal("[1, 2]").contains("is not a certaudit audit report"));
        assertTrue(refusal("poolFqdn: bems.example.com").contains("is not JSON"));
        assertTrue(refusal("{\"poolFqdn\": \"bems.example.com\"}").contains("is not a certaudit audit report"));
        ObjectNode otherTool = tree();
        ((ObjectNode) otherTool.get("tool")).put("name", "other");
        assertTrue(refusal(otherTool.toString()).contains("is not a certaudit audit report"));
        ObjectNode badVersion = tree();
        badVersion.put("schemaVersion", "one");
        assertTrue(refusal(badVersion.toString()).contains("which is not a version"));
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        ObjectNode tree = tree();
        ((ObjectNode) tree.get("stores").get(0).get("certificates").get(1)).remove("thumbprint");
        String message = refusal(tree.toString());
        assertTrue(message.endsWith("is not a complete audit report: it lacks stores[0].certificates[1].thumbprint"),
                message);
        ObjectNode noFindings = tree();
        noFindings.remove("findings");
        assertTrue(refusal(noFindings.toString()).endsWith("it lacks findings"));
        ObjectNode noElementStore = tree();
        JsonNode chain = noElementStore.get("stores").get(0).get("certificates").get(0).get("chain");
        ((ObjectNode) ((ArrayNode) chain.get("elements")).get(0)).remove("store");
        assertTrue(refusal(noElementStore.toString()).endsWith(
                "it lacks stores[0].certificates[0].chain.elements[0].store"));
    }

    @Test
    void aNullWhereTheSchemaAllowsNoneIsRefused() {
        ObjectNode tree = tree();
        ((ObjectNode) tree.get("findings").get(0)).putNull("message");
        assertTrue(refusal(tree.toString()).endsWith("is not a complete audit report: findings[0].message is null"));
        ObjectNode nullItem = tree();
        ((ArrayNode) nullItem.get("stores").get(2).get("certificates")).insertNull(0);
        assertTrue(refusal(nullItem.toString()).endsWith("stores[2].certificates[0] is null"));
        ObjectNode nullStatus = tree();
        nullStatus.putNull("status");
        assertTrue(refusal(nullStatus.toString()).endsWith("status is null"));
    }

    @Test
    void aNullWhereTheSchemaAllowsOneReads() throws Exception {
        ObjectNode tree = tree();
        ((ObjectNode) tree.get("findings").get(0)).putNull("store").putNull("thumbprint").putNull("remediation");
        ((ObjectNode) tree.get("stores").get(0).get("certificates").get(0)).putNull("chain").putNull("privateKey");
        tree.putNull("serviceAccount");
        AuditReport report = ReportReader.read(tree.toString(), "audit.json");
        assertNull(report.serviceAccount());
    }

    @Test
    void aWrongTypeOrExitCodeIsRefused() {
        ObjectNode tree = tree();
        tree.put("stores", "MY");
        String message = refusal(tree.toString());
        assertTrue(message.contains("is not a valid audit report: at stores"), message);
        ObjectNode exit = tree();
        exit.put("exitCode", 7);
        assertTrue(refusal(exit.toString()).contains("exitCode 7"));
    }

    @Test
    void aFileThatIsNotThereIsSaidSo(@TempDir Path dir) {
        Path missing = dir.resolve("absent.json");
        String message = assertThrows(UnreadableReportException.class, () -> ReportReader.read(missing))
                .getMessage();
        assertEquals(missing + " does not exist", message);
    }
}
