package io.certaudit.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.ReportScenarios;
import io.certaudit.engine.AuditSettings;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UserStoreRead;
import io.certaudit.testing.TestPki;

class CaptureFileTest {

    @TempDir
    Path folder;

    private final TestPki pki = new TestPki();

    /** A host with every typed fact set, beside the scenario's keys, access and problems. */
    private HostSnapshot everyFact() {
        HostSnapshot broken = ReportScenarios.brokenMtlsSnapshot();
        StoredCertificate misplaced = pki.issue(pki.root("User Root"), pki.spec("bems01.contoso.com")
                .san("bems01.contoso.com")).in(StoreName.MY).withUserStore("CurrentUser\\MY");
        HostSnapshot.Builder builder = HostSnapshot.builder(broken.hostName(), broken.source());
        for (StoredCertificate certificate : broken.certificates()) {
            builder.add(certificate.store() != StoreName.MY ? certificate.withStoreEntry(new StoreEntryFacts(
                    "AB".repeat(20), certificate.thumbprint(), true, List.of("1.3.6.1.5.5.7.3.4")))
                    : certificate.withOsChainVerdict(OsChainVerdict.built(0x80010020, 0x100,
                            List.of(certificate.thumbprint())))
                            .withProperty("source-note", "line one\nline two \u202e"));
        }
        broken.problems().forEach(builder::problem);
        return builder.serviceAccount(broken.serviceAccount()).auditElevated(Tristate.NO)
                .userStoreCertificate(misplaced)
                .userStoreRead(new UserStoreRead("CurrentUser\\MY", UserStoreRead.Outcome.READ, 1, null,
                        Map.of("CD".repeat(20), "unreadable: not a certificate")))
                .userStoreRead(new UserStoreRead("Services\\GoodTechnology\\MY", UserStoreRead.Outcome.NOT_READABLE,
                        0, "5 (Access is denied.)", Map.of()))
                .hostFact("agent.account", "CONTOSO\\admin")
                .storesGiven(Set.of(StoreName.MY, StoreName.CA, StoreName.ROOT))
                .build();
    }

    @Test
    void aCaptureAuditsToTheSameFindingsAsTheHostItWasMadeFrom() {
        HostSnapshot host = everyFact();
        HostSnapshot captured = CaptureRoundTrip.through(host, folder);
        CaptureRoundTrip.assertSameAudit(host, captured, AuditSettings.defaults().withPoolFqdn("bems01.contoso.com"));
        assertEquals(host.userStoreReads(), captured.userStoreReads());
        assertEquals(host.storesGiven(), captured.storesGiven());
        assertEquals(Tristate.NO, captured.auditElevated());
        assertEquals("CurrentUser\\MY", captured.userStoreCertificates().get(0).userStore());
        assertEquals(host.store(StoreName.MY).get(0).osChainVerdict(), captured.store(StoreName.MY).get(0)
                .osChainVerdict());
        assertEquals(host.store(StoreName.ROOT).get(0).storeEntry(), captured.store(StoreName.ROOT).get(0)
                .storeEntry());
        assertEquals(host.store(StoreName.MY).get(0).privateKey(), captured.store(StoreName.MY).get(0).privateKey());
        assertEquals(host.problems(), captured.problems());
    }

    @Test
    void theCaptureMatchesItsSchemaAndHoldsNoKeyMaterial() throws Exception {
        Path file = folder.resolve("host.capture");
        CaptureFile.write(file, everyFact(), new CaptureFile.Maker("test", TestPki.NOW, "Windows Server 2022",
                "10.0"));
        JsonNode capture = Json.MAPPER.readTree(file.toFile());
        Set<ValidationMessage> errors = schema().validate(capture);
        assertTrue(errors.isEmpty(), errors::toString);
        String text = CaptureRoundTrip.text(file);
        assertFalse(text.contains("PRIVATE KEY") || text.contains("\"privateKeyDer\""), text);
        assertEquals(64, capture.get("digest").get("value").asText().length());
    }

    @Test
    void aChangedByteIsDamageTheDigestFinds() throws Exception {
        Path file = written();
        String text = CaptureRoundTrip.text(file);
        Files.writeString(file, text.replace("CONTOSO\\\\svc-bems", "CONTOSO\\\\svc-bemz"));
        String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(file, 100_000))
                .getMessage();
        assertTrue(message.contains("does not match its SHA-256 digest"), message);
    }

    @Test
    void aTruncatedCaptureSaysSo() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(file, 100_000))
                .getMessage();
        assertTrue(message.contains("is truncated or not JSON"), message);
    }

    @Test
    void anotherMajorVersionIsRefusedByName() throws Exception {
        Path file = resealed(capture -> capture.put("schemaVersion", "2.0"));
        String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(file, 100_000))
                .getMessage();
        assertTrue(message.contains("schema version 2.0; this certaudit reads 1.x"), message);
        Path minor = resealed(capture -> capture.put("schemaVersion", "1.7").put("addedLater", true));
        assertDoesNotThrow(minor);
    }

    @Test
    void moreEntriesThanTheSourceLimitAreRefusedBeforeAnyIsRead() throws Exception {
        Path file = written();
        String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(file, 3))
                .getMessage();
        assertTrue(message.contains("more than the 3 a source may give"), message);
    }

    @Test
    void hostileValuesAreDamageInOneLineOrAFindingNeverACrash() throws Exception {
        Path badStore = resealed(capture -> ((ObjectNode) capture.get("host").get("certificates").get(0))
                .put("store", "MY\nFAKE: all good"));
        String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(badStore, 100_000))
                .getMessage();
        assertTrue(message.contains("host.certificates[0].store names no store"), message);
        assertEquals(1, message.lines().count(), message);

        Path wrongType = resealed(capture -> ((ObjectNode) capture.get("host")).put("certificates", "many"));
        assertTrue(assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(wrongType, 100_000))
                .getMessage().contains("host.certificates is not an array"));

        Path badStatus = resealed(capture -> ((ObjectNode) capture.get("host").get("certificates").get(0)
                .get("osChainVerdict")).put("errorStatus", "-1"));
        assertTrue(assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(badStatus, 100_000))
                .getMessage().contains("errorStatus is not a 32-bit status"));

        Path garbage = resealed(capture -> ((ObjectNode) capture.get("host").get("certificates").get(0))
                .put("der", "MIIBAAAA"));
        HostSnapshot read = CaptureFile.read(garbage, 100_000).snapshot();
        assertTrue(read.problems().stream().anyMatch(p -> p.message().startsWith("the captured certificate")),
                read.problems()::toString);
    }

    @Test
    void notACaptureAndMissingFilesAreOneLine() throws Exception {
        Path json = folder.resolve("audit.json");
        Files.writeString(json, "{\"schemaVersion\": \"1.4\"}");
        assertTrue(assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(json, 10)).getMessage()
                .contains("is not a certaudit capture"));
        assertFalse(CaptureFile.isCapture(json));
        assertTrue(assertThrows(UnreadableCaptureException.class,
                () -> CaptureFile.read(folder.resolve("none.capture"), 10)).getMessage().contains("does not exist"));
        Path renamed = folder.resolve("host.json");
        Files.copy(written(), renamed);
        assertTrue(CaptureFile.isCapture(renamed), "recognised by its content, whatever its name");
    }

    private Path written() throws Exception {
        Path file = folder.resolve("host.capture");
        CaptureFile.write(file, everyFact(), new CaptureFile.Maker("test", TestPki.NOW, "Linux", "6"));
        return file;
    }

    private interface Change {
        void apply(ObjectNode capture);
    }

    /** The capture with {@code change} made and the digest computed again: damage the digest cannot see. */
    private Path resealed(Change change) throws Exception {
        Path file = written();
        ObjectNode capture = (ObjectNode) Json.MAPPER.readTree(file.toFile());
        capture.remove("digest");
        change.apply(capture);
        ObjectNode digest = capture.putObject("digest");
        digest.put("algorithm", "SHA-256");
        digest.put("canonicalization", CaptureFile.CANONICALIZATION);
        ObjectNode content = capture.deepCopy();
        content.remove("digest");
        digest.put("value", CaptureFile.digestOf(content));
        Files.writeString(file, Json.MAPPER.writeValueAsString(capture), StandardCharsets.UTF_8);
        return file;
    }

    private static void assertDoesNotThrow(Path file) throws UnreadableCaptureException {
        CaptureFile.read(file, 100_000);
    }

    static JsonSchema schema() throws IOException {
        try (InputStream in = CaptureFileTest.class.getResourceAsStream(
                "/io/certaudit/agent/report/schema/capture.v1.json")) {
            if (in == null) {
                throw new IllegalStateException("the capture schema is not on the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
