package io.certaudit.agent.source.serialized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.agent.report.ReportBuilder;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/** Reads the stores Wine's crypt32 wrote (see wine/README.md): files certaudit did not write itself. */
class WineSamplesTest {

    private static final String SERVICE = "service.certaudit.example";
    private static final String RENEWED = "renewed.certaudit.example";
    private static final String EKU_PROPERTY = "1.3.6.1.5.5.7.3.1,1.3.6.1.5.5.7.3.2";

    @Test
    void readsTheSerializedStoreCertSaveStoreWrote() throws Exception {
        HostSnapshot snapshot = new SstSource(sample("my.sst"), null).read();

        assertEquals(List.of(), snapshot.problems());
        Map<String, StoredCertificate> personal = byCommonName(snapshot.store(StoreName.MY));
        assertServiceCertificate(personal.get(SERVICE));
        assertRenewedCertificate(personal.get(RENEWED));
        // Wine leaves the hash properties out of a saved store (CRYPT_SerializeCertNoHash).
        assertNull(personal.get(SERVICE).storeEntry().storedSha1());
    }

    @Test
    void readsThePersonalStoreRegExportWrote() throws Exception {
        HostSnapshot snapshot = new RegistryExportSource(sample("my.reg")).read();

        assertEquals(List.of(), snapshot.problems());
        Map<String, StoredCertificate> personal = byCommonName(snapshot.store(StoreName.MY));
        assertServiceCertificate(personal.get(SERVICE));
        assertRenewedCertificate(personal.get(RENEWED));
        for (StoredCertificate certificate : personal.values()) {
            assertEquals(".Default", certificate.physicalStore());
            assertEquals(certificate.thumbprint(), certificate.storeEntry().storedSha1());
            assertEquals(certificate.thumbprint(),
                    certificate.storeEntry().registryKeyName());
        }
    }

    @Test
    void readsTheIntermediateAndGroupPolicyRootExports() throws Exception {
        HostSnapshot intermediates = new RegistryExportSource(sample("ca.reg")).read();
        HostSnapshot policies = new RegistryExportSource(sample("policies.reg")).read();

        assertEquals(List.of(), intermediates.problems());
        assertEquals(List.of(), policies.problems());
        StoredCertificate intermediate = intermediates.store(StoreName.CA).get(0);
        assertEquals("certaudit sample intermediate", intermediate.facts().subjectCommonName());
        assertEquals(".Default", intermediate.physicalStore());
        StoredCertificate root = policies.store(StoreName.ROOT).get(0);
        assertEquals("certaudit sample root", root.facts().subjectCommonName());
        assertEquals(".GroupPolicy", root.physicalStore());
        assertEquals(root.thumbprint(), root.storeEntry().registryKeyName());
    }

    @Test
    void theRootPlantedUnderAnotherSha1KeepsTheEvidence() throws Exception {
        HostSnapshot snapshot = new RegistryExportSource(sample("enterprise.reg")).read();
        StoredCertificate planted = snapshot.store(StoreName.ROOT).get(0);
        StoredCertificate genuine = new RegistryExportSource(sample("policies.reg")).read().store(StoreName.ROOT).get(0);

        assertEquals(List.of(), snapshot.problems());
        assertEquals(".Enterprise", planted.physicalStore());
        assertEquals(genuine.thumbprint(), planted.thumbprint());
        assertEquals("AB".repeat(20), planted.storeEntry().storedSha1());
        assertEquals("AB".repeat(20), planted.storeEntry().registryKeyName());
        assertNotEquals(planted.thumbprint(), planted.storeEntry().registryKeyName());
    }

    @Test
    void theAuditOfAllSamplesTogetherFindsThePlantedRootAndNothingTampersWithTheRest() throws Exception {
        HostSnapshot.Builder host = HostSnapshot.builder("wine", "Wine samples");
        for (String name : List.of("my.reg", "ca.reg", "policies.reg", "enterprise.reg")) {
            host.addAll(new RegistryExportSource(sample(name)).read());
        }

        AuditResult result = new RuleEngine(BuiltInRules.catalog()).run(host.build(), AuditSettings.defaults(),
                Instant.parse("2030-01-01T00:00:00Z"));

        List<Finding> tampered = result.findings().stream()
                .filter(f -> f.rule().equals("store-entry-tampered")).toList();
        assertEquals(1, tampered.size(), tampered.toString());
        assertTrue(tampered.get(0).message().contains(".Enterprise"), tampered.get(0).message());
        StringWriter json = new StringWriter();
        new JsonReportWriter().write(new ReportBuilder("test").build(result, Instant.EPOCH), json);
        ReportSchema.assertValid(json.toString());
    }

    private static void assertServiceCertificate(StoredCertificate certificate) {
        assertEquals("certaudit sample service", certificate.friendlyName());
        assertEquals(List.of(EKU_PROPERTY.split(",")), certificate.storeEntry().allowedPurposes());
        PrivateKeyFacts key = certificate.privateKey();
        assertEquals(Tristate.UNKNOWN, key.present());
        assertEquals(KeyKind.CAPI, key.kind());
        assertEquals("Microsoft Enhanced Cryptographic Provider v1.0", key.provider());
        assertEquals("certaudit-sample-capi", key.container());
        assertEquals(Tristate.YES, key.machineKeyset());
    }

    private static void assertRenewedCertificate(StoredCertificate certificate) {
        assertEquals("certaudit sample renewed \u00e9t\u00e9", certificate.friendlyName());
        assertNull(certificate.storeEntry().allowedPurposes());
        PrivateKeyFacts key = certificate.privateKey();
        assertEquals(KeyKind.CNG, key.kind());
        assertEquals("Microsoft Software Key Storage Provider", key.provider());
        assertEquals("certaudit-sample-cng", key.container());
    }

    private static Map<String, StoredCertificate> byCommonName(List<StoredCertificate> certificates) {
        assertEquals(2, certificates.size());
        return certificates.stream().collect(Collectors.toMap(c -> c.facts().subjectCommonName(),
                Function.identity()));
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(WineSamplesTest.class.getResource("wine/" + name).toURI());
    }
}
