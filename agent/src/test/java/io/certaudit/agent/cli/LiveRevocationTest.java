package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.eventlog.FakeEventLog;
import io.certaudit.agent.install.FakeFileSecurity;
import io.certaudit.agent.install.FakeScheduledTasks;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.windows.FakeWindowsCertificateApi;
import io.certaudit.agent.windows.LiveStores;
import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * {@code --check-revocation} on live Windows: the chain engine is asked to check revocation only with the option,
 * and its verdict is compared with the audit's only then. The certificates name no revocation location, so the
 * audit's own check fetches nothing and finds every status unknown.
 */
class LiveRevocationTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Live Revocation Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Live Revocation CA").ca().noCrlDistributionPoint());
    private static final Issued SERVER = PKI.issue(CA, PKI.spec("bems.example.com").san("bems.example.com")
            .noCrlDistributionPoint());
    private static final String THUMBPRINT = StoredCertificate.digest("SHA-1", SERVER.der());
    /** CERT_TRUST_IS_REVOKED. */
    private static final int IS_REVOKED = 0x4;

    /** A machine whose chain engine builds a trusted chain for the service certificate with this status. */
    private static FakeWindowsCertificateApi machine(int errorStatus) {
        FakeWindowsCertificateApi api = FakeWindowsCertificateApi.fakeMachine("BEMS01", SERVER.der(), CA.der(),
                ROOT.der());
        return api.chainVerdict(THUMBPRINT, ChainVerdict.built(errorStatus, 0, List.of(
                new ChainElement(SERVER.der(), errorStatus, 0), new ChainElement(CA.der(), 0, 0),
                new ChainElement(ROOT.der(), 0, 0))));
    }

    private static CliRun audit(FakeWindowsCertificateApi api, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json", "--at", TestPki.NOW.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(TestPlatforms.windows(new FakeScheduledTasks(), new FakeEventLog(), new FakeFileSecurity(),
                Map.of(), LiveStores.over(api.windows())), args.toArray(String[]::new));
    }

    private static List<JsonNode> findings(JsonNode report, String rule) {
        List<JsonNode> found = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals(rule)) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void withoutTheOptionTheEngineIsNotAskedToCheckRevocationAndNothingIsCompared() {
        FakeWindowsCertificateApi api = machine(IS_REVOKED);
        CliRun run = audit(api);

        assertEquals(List.of(THUMBPRINT + " without revocation"), api.chainRequests(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        assertTrue(findings(report, "certificate-revoked").isEmpty(), run::toString);
        // The revocation bits are not the chain comparison's to report either.
        assertTrue(findings(report, "os-chain-disagrees").isEmpty(), run::toString);
    }

    @Test
    void withTheOptionTheEngineChecksAndItsRevokedVerdictIsReportedWhereTheAuditHasNone() {
        FakeWindowsCertificateApi api = machine(IS_REVOKED);
        CliRun run = audit(api, "--check-revocation");

        assertEquals(List.of(THUMBPRINT + " checking revocation"), api.chainRequests(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        List<JsonNode> revoked = findings(report, "certificate-revoked");
        assertEquals(1, revoked.size(), run::toString);
        JsonNode evidence = revoked.get(0).get("evidence");
        assertEquals("revoked", evidence.get("osRevocationStatus").asText(), revoked.get(0)::toString);
        assertEquals("unknown", evidence.get("status").asText());
        assertTrue(revoked.get(0).get("message").asText().contains("Windows disagreed"), revoked.get(0)::toString);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(findings(report, "os-chain-disagrees").isEmpty(), run::toString);
    }

    @Test
    void withTheOptionAnEngineThatAgreesAddsNoVerdictToTheFindings() {
        FakeWindowsCertificateApi api = machine(0x40 | 0x01000000);
        CliRun run = audit(api, "--check-revocation");

        JsonNode report = ReportSchema.assertValid(run.out());
        assertTrue(findings(report, "certificate-revoked").isEmpty(), run::toString);
        List<JsonNode> unavailable = findings(report, "revocation-status-unavailable");
        assertFalse(unavailable.isEmpty(), run::toString);
        unavailable.forEach(f -> assertFalse(f.get("evidence").has("osRevocationStatus"), f::toString));
    }
}
