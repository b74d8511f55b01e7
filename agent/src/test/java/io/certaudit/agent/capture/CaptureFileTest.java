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
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UserStoreRead;
import io.certaudit.model.WindowsVersion;
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
                .add(pki.root("Client Issuer Root").in(StoreName.CLIENT_AUTH_ISSUER).withPhysicalStore(".Default"))
                .schannel(new SchannelSettings(SchannelSettings.Origin.LIVE_REGISTRY, SchannelSettings.KEY,
                        RegistryDword.unreadable("registry type 1, not REG_DWORD"), RegistryDword.of(0xFFFF_FFFFL)))
                .windowsVersion(new WindowsVersion(14393, "Windows Server 2016 Standard", WindowsVersion.KEY))
                .storesGiven(Set.of(StoreName.MY, StoreName.CA, StoreName.ROOT, StoreName.CLIENT_AUTH_ISSUER))
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
        assertEquals(host.schannel(), captured.schannel());
        assertEquals(host.windowsVersion(), captured.windowsVersion());
        StoredCertificate issuer = captured.store(StoreName.CLIENT_AUTH_ISSUER).get(0);
        assertEquals(host.store(StoreName.CLIENT_AUTH_ISSUER).get(0).thumbprint(), issuer.thumbprint());
        assertEquals(".Default", issuer.physicalStore());
        assertEquals(1, captured.store(StoreName.CLIENT_AUTH_ISSUER).size());
    }

    @Test
    void eachStateOfASettingTravels() {
        for (RegistryDword value : List.of(RegistryDword.of(0), RegistryDword.of(2), RegistryDword.absent(),
                RegistryDword.unreadable("a REG_DWORD of 2 bytes, not 4"))) {
            HostSnapshot host = HostSnapshot.builder("bems01", "registry export").schannel(new SchannelSettings(
                    SchannelSettings.Origin.REG_EXPORT, "schannel.reg [" + SchannelSettings.KEY + "]", value,
                    RegistryDword.absent())).windowsVersion(new WindowsVersion(9200, null, "version.reg")).build();
            HostSnapshot captured = CaptureRoundTrip.through(host, folder);
            assertEquals(host.schannel(), captured.schannel(), value::describe);
            assertEquals(host.windowsVersion(), captured.windowsVersion());
        }
    }

    @Test
    void aCaptureOfSchemaOneZeroWithoutSettingsReadsAsASourceThatToldNeither() throws Exception {
        Path older = resealed(capture -> {
            capture.put("schemaVersion", "1.0");
            ((ObjectNode) capture.get("host")).remove(List.of("schannel", "windowsVersion"));
        });
        HostSnapshot read = CaptureFile.read(older, 100_000).snapshot();
        assertEquals(null, read.schannel());
        assertEquals(null, read.windowsVersion());
    }

    @Test
    void hostileSettingsAreDamageInOneLine() throws Exception {
        List<Map.Entry<String, Change>> changes = List.of(
                Map.entry("host.schannel.origin is not one of", c -> schannel(c).put("origin", "GROUP_POLICY")),
                Map.entry("host.schannel.sendTrustedIssuerList.state is not one of",
                        c -> dword(c, "sendTrustedIssuerList").put("state", "DEFAULT")),
                Map.entry("host.schannel.clientAuthTrustMode.value is not a REG_DWORD",
                        c -> dword(c, "clientAuthTrustMode").put("value", 4_294_967_296L)),
                Map.entry("host.schannel.clientAuthTrustMode.value is not a REG_DWORD",
                        c -> dword(c, "clientAuthTrustMode").put("value", -1)),
                Map.entry("host.schannel.clientAuthTrustMode.value is not a REG_DWORD",
                        c -> dword(c, "clientAuthTrustMode").put("value", "2")),
                Map.entry("host.schannel.clientAuthTrustMode.value is not a REG_DWORD",
                        c -> dword(c, "clientAuthTrustMode").put("value", 1.5)),
                Map.entry("host.schannel.sendTrustedIssuerList.state is UNREADABLE but",
                        c -> dword(c, "sendTrustedIssuerList").putNull("detail")),
                Map.entry("host.schannel.clientAuthTrustMode.state is ABSENT but",
                        c -> dword(c, "clientAuthTrustMode").put("state", "ABSENT")),
                Map.entry("host.schannel.where is missing", c -> schannel(c).remove("where")),
                Map.entry("host.windowsVersion.build is not a Windows build number",
                        c -> ((ObjectNode) c.get("host").get("windowsVersion")).put("build", 0)),
                Map.entry("host.windowsVersion.build is not a Windows build number",
                        c -> ((ObjectNode) c.get("host").get("windowsVersion")).put("build", 1L << 40)));
        for (Map.Entry<String, Change> change : changes) {
            Path file = resealed(change.getValue());
            String message = assertThrows(UnreadableCaptureException.class, () -> CaptureFile.read(file, 100_000),
                    change.getKey()).getMessage();
            assertTrue(message.contains("is damaged: " + change.getKey()), message);
            assertEquals(1, message.lines().count(), message);
        }
    }

    private static ObjectNode schannel(ObjectNode capture) {
        return (ObjectNode) capture.get("host").get("schannel");
    }

    private static ObjectNode dword(ObjectNode capture, String name) {
        return (ObjectNode) schannel(capture).get(name);
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
