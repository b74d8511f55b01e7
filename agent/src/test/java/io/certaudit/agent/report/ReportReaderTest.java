package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certaudit.model.TrustedIssuerList;
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
    void theReportCarriesTheSchannelSettingsAndWindowsVersion() {
        AuditReport.Schannel schannel = BROKEN.schannel();
        assertEquals("registry export", schannel.origin());
        assertEquals("exports/bems01/schannel.reg", schannel.where());
        assertEquals(new AuditReport.DwordValue("absent", null, null), schannel.sendTrustedIssuerList());
        assertEquals(new AuditReport.DwordValue("value", 2L, null), schannel.clientAuthTrustMode());
        assertEquals("Exclusive CA Trust", schannel.trustMode());
        assertEquals("Windows Server 2019 Standard (build 17763)", schannel.windowsVersion());
        JsonNode written = ReportSchema.assertValid(json(BROKEN)).get("schannel");
        assertEquals(2, written.get("clientAuthTrustMode").get("value").asInt());
        assertEquals("absent", written.get("sendTrustedIssuerList").get("state").asText());
    }

    @Test
    void theReportCarriesTheTrustedIssuerListSize() {
        int expected = TrustedIssuerList.of(ReportScenarios.brokenMtlsSnapshot().store(StoreName.ROOT)).bytes();
        assertEquals(expected, BROKEN.summary().rootStoreIssuerListBytes());
        assertEquals("1.5", BROKEN.schemaVersion());
    }

    @Test
    void theReportNamesTheSignatureEnginesAndAVersionOneTwoReportWithoutThemStillReads() throws Exception {
        List<AuditReport.SignatureEngineEntry> engines = BROKEN.signatureEngines();
        assertEquals("Java (JDK and BouncyCastle)", engines.get(engines.size() - 1).engine());
        assertTrue(engines.stream().mapToLong(AuditReport.SignatureEngineEntry::verifications).sum() > 0);
        ObjectNode tree = tree();
        tree.put("schemaVersion", "1.2");
        tree.remove("signatureEngines");
        ReportSchema.assertValid(tree.toString());
        assertNull(ReportReader.read(tree.toString(), "old.json").signatureEngines());
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
        assertTrue(message.contains("is not a valid audit report: stores is 'MY', not array"), message);
        ObjectNode exit = tree();
        exit.put("exitCode", 7);
        assertTrue(refusal(exit.toString()).contains("exitCode is 7, not one of 0, 1, 2"), refusal(exit.toString()));
    }

    @Test
    void aFileThatIsNotThereIsSaidSo(@TempDir Path dir) {
        Path missing = dir.resolve("absent.json");
        String message = assertThrows(UnreadableReportException.class, () -> ReportReader.read(missing))
                .getMessage();
        assertEquals(missing + " does not exist", message);
    }

    /** Values a forger might write, each where the schema constrains it. */
    private static Map<String, java.util.function.Consumer<ObjectNode>> forgeries() {
        Map<String, java.util.function.Consumer<ObjectNode>> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("findings[0].severity is 'fatal', not one of error, warning, info",
                t -> finding(t).put("severity", "fatal"));
        forgeries.put("findings[0].store is '..\\..\\x', not one of MY, CA, ROOT, DISALLOWED, CLIENT_AUTH_ISSUER, "
                + "null",
                t -> finding(t).put("store", "..\\..\\x"));
        forgeries.put("findings[0].thumbprint is 'AB\ufffd[2J', which does not match ^[0-9A-F]{40}$",
                t -> finding(t).put("thumbprint", "AB\u001b[2J"));
        forgeries.put("status is 'GREEN', not one of OK, WARNING, CRITICAL", t -> t.put("status", "GREEN"));
        forgeries.put("generatedAt is 'yesterday', not an ISO-8601 instant", t -> t.put("generatedAt", "yesterday"));
        forgeries.put("summary.errors is -1, below 0", t -> ((ObjectNode) t.get("summary")).put("errors", -1));
        forgeries.put("stores[0].certificates[0].thumbprint is '", t -> ((ObjectNode) t.get("stores").get(0)
                .get("certificates").get(0)).put("thumbprint", "0123456789012345678901234567890123456789\n"));
        forgeries.put("rules[0].result is 'passed!', not one of", t -> ((ObjectNode) t.get("rules").get(0))
                .put("result", "passed!"));
        forgeries.put("findings[0].evidence.path is 3, not string", t -> ((ObjectNode) finding(t).get("evidence"))
                .put("path", 3));
        return forgeries;
    }

    private static ObjectNode finding(ObjectNode tree) {
        return (ObjectNode) tree.get("findings").get(0);
    }

    @Test
    void theDnsAnswersReadBackAndAForgedOneIsRefusedAndAVersionOneThreeReportWithoutThemStillReads()
            throws Exception {
        ObjectNode tree = tree();
        ObjectNode name = Json.MAPPER.createObjectNode().put("name", "pool.example.invalid").put("role", "pool")
                .put("outcome", "not-found").put("message", "no such host");
        name.putArray("addresses");
        name.putArray("expectedAddresses").add("192.0.2.10");
        ObjectNode dns = Json.MAPPER.createObjectNode().put("checked", true);
        dns.putArray("names").add(name);
        tree.set("dns", dns);
        ReportSchema.assertValid(tree.toString());
        AuditReport read = ReportReader.read(tree.toString(), "audit.json");
        assertEquals(new AuditReport.Dns(true, List.of(new AuditReport.NameResolutionEntry("pool.example.invalid",
                "pool", "not-found", List.of(), List.of("192.0.2.10"), "no such host"))), read.dns());

        name.put("outcome", "probably");
        assertFalse(ReportSchema.errors(tree.toString()).isEmpty());
        String message = refusal(tree.toString());
        assertTrue(message.contains("dns.names[0].outcome is 'probably', not one of resolved, not-found, "
                + "timed-out, failed"), message);

        ObjectNode older = tree();
        older.remove("dns");
        older.put("schemaVersion", "1.3");
        assertNull(ReportReader.read(older.toString(), "audit.json").dns());
    }

    @Test
    void theRevocationStatusReadsBackAndAForgedOneIsRefusedAndAVersionOneFourReportWithoutItStillReads()
            throws Exception {
        assertFalse(BROKEN.revocation().checked(), "not asked for, so not checked");
        assertTrue(BROKEN.revocation().notCheckedReason().contains("--check-revocation"));
        ObjectNode tree = tree();
        ObjectNode source = Json.MAPPER.createObjectNode().put("url", "http://pki.example.com/ca.crl")
                .put("kind", "crl").put("outcome", "timeout").put("detail", "no answer within the time allowed");
        ObjectNode certificate = Json.MAPPER.createObjectNode().put("thumbprint", "AB12").put("subject", "CN=a")
                .put("issuer", "CN=Example CA").put("store", "MY").putNull("peer").put("status", "unknown")
                .putNull("reason").putNull("revokedAt").putNull("unknownReason");
        certificate.putArray("chainOf").add("AB12");
        certificate.putArray("sources").add(source);
        ObjectNode revocation = Json.MAPPER.createObjectNode().put("checked", true).putNull("notCheckedReason")
                .put("fetches", 1).put("fetchLimit", 32);
        revocation.putArray("certificates").add(certificate);
        tree.set("revocation", revocation);
        ReportSchema.assertValid(tree.toString());
        AuditReport read = ReportReader.read(tree.toString(), "audit.json");
        assertEquals(new AuditReport.Revocation(true, null, 1, 32, List.of(new AuditReport.RevocationEntry("AB12",
                "CN=a", "CN=Example CA", "MY", null, List.of("AB12"), "unknown", null, null, null,
                List.of(new AuditReport.RevocationSourceEntry("http://pki.example.com/ca.crl", "crl", "timeout",
                        "no answer within the time allowed"))))), read.revocation());

        source.put("outcome", "probably-fine");
        assertFalse(ReportSchema.errors(tree.toString()).isEmpty());
        String message = refusal(tree.toString());
        assertTrue(message.contains("revocation.certificates[0].sources[0].outcome is 'probably-fine'"), message);

        ObjectNode older = tree();
        older.remove("revocation");
        older.put("schemaVersion", "1.4");
        assertNull(ReportReader.read(older.toString(), "audit.json").revocation());
    }

    @Test
    void aValueTheSchemaDoesNotAllowIsRefusedNamingWhereItIs() {
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> forgery : forgeries().entrySet()) {
            ObjectNode tree = tree();
            forgery.getValue().accept(tree);
            // The schema validator of the tests agrees, except where it is laxer: it treats "format" as a note (as
            // 2020-12 allows), and lets a pattern's final $ match before a trailing line feed (Java's regex $).
            if (!forgery.getKey().contains("ISO-8601") && !forgery.getKey().startsWith("stores[0]")) {
                assertFalse(ReportSchema.errors(tree.toString()).isEmpty(), forgery.getKey());
            }
            String message = refusal(tree.toString());
            assertTrue(message.contains("is not a valid audit report: " + forgery.getKey()), message);
            assertFalse(message.contains("\u001b") || message.contains("\n"), message);
        }
    }

    @Test
    void everyReportTheWritersProduceAndANewerMinorStillPassTheChecks() throws Exception {
        for (AuditReport report : List.of(ReportScenarios.brokenMtls(), ReportScenarios.healthy())) {
            assertEquals(report, ReportReader.read(json(report), "audit.json"));
        }
    }

    @Test
    void anEditedVerdictIsRecountedFromTheFindings() throws Exception {
        ObjectNode tree = tree();
        tree.put("status", "OK").put("exitCode", 0);
        ((ObjectNode) tree.get("summary")).put("errors", 0).put("warnings", 0);
        ReportReader.SavedAudit saved = ReportReader.readChecked(tree.toString(), "audit.json");
        assertEquals(BROKEN.exitCode(), saved.report().exitCode());
        assertEquals("CRITICAL", saved.report().status());
        assertEquals(BROKEN.summary(), saved.report().summary());
        assertEquals(2, saved.corrections().size(), saved.corrections().toString());
        assertTrue(saved.corrections().get(0).contains("says OK (exit 0) but its findings make it CRITICAL (exit 2)"),
                saved.corrections().toString());
        assertTrue(ReportReader.readChecked(json(BROKEN), "audit.json").corrections().isEmpty());
    }

    @Test
    void theFileIsReadAsABoundedStreamWhateverSizeItClaims(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("deep.json");
        java.nio.file.Files.writeString(deep, "[".repeat(100_000));
        String message = assertThrows(UnreadableReportException.class, () -> ReportReader.read(deep)).getMessage();
        assertTrue(message.contains("nesting depth"), message);
        Path folder = dir.resolve("folder.json");
        java.nio.file.Files.createDirectory(folder);
        assertTrue(assertThrows(UnreadableReportException.class, () -> ReportReader.read(folder)).getMessage()
                .endsWith("is not a regular file"));
    }
}
