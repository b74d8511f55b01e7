package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * {@code certaudit audit} without {@code --source} reads the machine's stores through the platform: here the live
 * Windows source over a fake Windows API, so the whole live path (command line, live source, engine, report) runs on
 * any OS.
 */
class LiveAuditTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Live Audit Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Live Audit CA").ca());
    private static final Issued SERVER = PKI.issue(CA, PKI.spec("bems.example.com").san("bems.example.com"));

    private static Platform windowsWithStores() {
        return TestPlatforms.windows(new FakeScheduledTasks(), new FakeEventLog(), new FakeFileSecurity(), Map.of(),
                LiveStores.over(FakeWindowsCertificateApi.machine("BEMS01", SERVER.der(), CA.der(), ROOT.der())));
    }

    @Test
    void auditWithoutSourceReadsTheMachineStoresThePlatformGives() {
        CliRun run = CliRun.run(windowsWithStores(), "audit", "--format", "json", "--at", "2026-11-21T12:00:00Z");

        JsonNode report = ReportSchema.assertValid(run.out());
        assertEquals("BEMS01", report.get("host").asText(), run.toString());
        assertEquals("LocalMachine certificate stores (MY, CA, ROOT)", report.get("source").asText());
        List<String> personal = new ArrayList<>();
        for (JsonNode store : report.get("stores")) {
            if (store.get("name").asText().equals("MY")) {
                store.get("certificates").forEach(c -> personal.add(c.get("thumbprint").asText()));
            }
        }
        assertEquals(List.of(StoredCertificate.digest("SHA-1", SERVER.der())), personal);
        assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, run.toString());
    }

    @Test
    void elsewhereTheLivePathSaysHowToAuditAnExportedCopy() {
        CliRun run = CliRun.run(TestPlatforms.linux(), "audit");

        assertEquals(ExitCodes.UNKNOWN, run.exitCode(), run.toString());
        assertTrue(run.err().contains("certaudit audit --source"), run.toString());
    }
}
