package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.revocation.RevocationTestServers;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * --check-revocation and the settings file's checkRevocation/revocation, end to end, against CRLs served from
 * 127.0.0.1 by the test; the host folder's service chain names them.
 */
class RevocationOptionTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Revocation CLI Root");
    private static final String POOL = "bemsapppool.example.com";

    @TempDir
    Path dir;
    private RevocationTestServers.Server server;
    private HostFolder host;
    private Issued ca;
    private Issued leaf;

    @BeforeEach
    void host() throws Exception {
        server = RevocationTestServers.start();
        ca = PKI.issue(ROOT, PKI.spec("Revocation CLI CA").ca().noCrlDistributionPoint().extension(
                Extension.cRLDistributionPoints, false, RevocationTestServers.crlDistributionPoints(
                        server.url("/root.crl"))));
        leaf = PKI.issue(ca, PKI.spec(POOL).san(POOL).noCrlDistributionPoint().extension(
                Extension.cRLDistributionPoints, false, RevocationTestServers.crlDistributionPoints(
                        server.url("/ca.crl"))));
        server.serve("/root.crl", RevocationTestServers.crl(ROOT, null));
        server.serve("/ca.crl", RevocationTestServers.crl(ca, null));
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", ca);
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--source", host.root().toString(), "--at",
                TestPki.NOW.toString(), "--pool-fqdn", POOL));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static JsonNode rule(JsonNode report, String id) {
        for (JsonNode rule : report.get("rules")) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no outcome for " + id);
    }

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("certaudit.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void withoutTheOptionNothingIsFetchedAndTheReportSaysRevocationWasNotChecked() {
        CliRun run = audit("--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        JsonNode revocation = report.get("revocation");
        assertFalse(revocation.get("checked").asBoolean());
        assertTrue(revocation.get("notCheckedReason").asText().contains("--check-revocation"), revocation::toString);
        assertEquals(0, revocation.get("certificates").size());
        assertEquals("not-applicable", rule(report, "certificate-revoked").get("result").asText());
        assertEquals("not-applicable", rule(report, "revocation-status-unavailable").get("result").asText());
        assertTrue(server.requests().isEmpty(), server.requests()::toString);

        CliRun text = audit("--format", "text");
        assertTrue(text.out().contains("Revocation not checked"), text::toString);
    }

    @Test
    void aRevokedServiceCertificateIsCriticalAndTheStatusOfEachPathCertificateIsReported() {
        server.serve("/ca.crl", RevocationTestServers.crl(ca, leaf));
        CliRun run = audit("--format", "json", "--check-revocation");
        assertEquals(2, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        JsonNode revocation = report.get("revocation");
        assertTrue(revocation.get("checked").asBoolean());
        assertEquals(2, revocation.get("fetches").asInt());
        JsonNode certificates = revocation.get("certificates");
        assertEquals(2, certificates.size(), "the leaf and the CA; the root is excluded");
        assertEquals("revoked", certificates.get(0).get("status").asText());
        assertEquals("keyCompromise", certificates.get(0).get("reason").asText());
        assertEquals("MY", certificates.get(0).get("store").asText());
        assertEquals("good", certificates.get(1).get("status").asText());
        assertEquals("CA", certificates.get(1).get("store").asText());
        assertEquals("failed", rule(report, "certificate-revoked").get("result").asText());
        assertEquals("passed", rule(report, "revocation-status-unavailable").get("result").asText());
        JsonNode finding = report.get("findings").get(0);
        assertEquals("certificate-revoked", finding.get("rule").asText());
        assertEquals("error", finding.get("severity").asText());

        CliRun html = audit("--format", "html", "--check-revocation");
        assertTrue(html.out().contains("id=\"revocation\""), "the HTML report has a revocation section");
        assertTrue(html.out().contains(server.url("/ca.crl")), "and names the CRL");
    }

    @Test
    void theSettingsFileTurnsTheCheckOnAndItsFetchLimitLeavesTheRestUnknown() throws Exception {
        Path file = config("checkRevocation: true\nrevocation:\n  maxFetches: 1\n  timeoutSeconds: 2\n");
        CliRun run = audit("--config", file.toString(), "--format", "text");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("revocation-status-unavailable"), run::toString);
        assertTrue(run.out().contains(server.url("/root.crl")), run::toString);
        assertTrue(run.out().contains("fetch-limit"), run::toString);
        assertTrue(run.out().contains("Revocation (2 certificates, 1 of at most 1 fetches)"), run::toString);
        assertEquals(0, server.count("/root.crl"));
    }

    @Test
    void theConfiguredProxyFetchesEveryUrl() throws Exception {
        try (RevocationTestServers.Server proxy = RevocationTestServers.start()) {
            proxy.serve("/root.crl", RevocationTestServers.crl(ROOT, null));
            proxy.serve("/ca.crl", RevocationTestServers.crl(ca, null));
            CliRun run = audit("--format", "json", "--check-revocation", "--revocation-proxy",
                    "127.0.0.1:" + proxy.port());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(2, proxy.requests().size(), proxy.requests()::toString);
            assertTrue(server.requests().isEmpty(), "only the proxy was asked: " + server.requests());
        }
    }

    @Test
    void aProxyThatIsNotHostAndPortIsAUsageErrorBeforeAnythingIsFetched() throws Exception {
        Path file = config("checkRevocation: true\nrevocation:\n  proxy: proxy.example.com\n");
        CliRun run = audit("--config", file.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("revocation.proxy"), run::toString);
        assertTrue(run.err().contains("is not HOST:PORT"), run::toString);
        assertTrue(server.requests().isEmpty());

        CliRun negative = audit("--check-revocation", "--revocation-max-fetches", "-1");
        assertEquals(3, negative.exitCode(), negative::toString);
        assertTrue(negative.err().contains("fetch limit"), negative::toString);
    }
}
