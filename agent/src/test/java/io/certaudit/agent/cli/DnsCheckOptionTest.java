package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** --check-dns and the settings file's checkDns/expectedAddresses, end to end; only localhost and .invalid names. */
class DnsCheckOptionTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("DNS Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("DNS Test Issuing CA").ca());
    private static final String POOL = "bemsapppool.example.invalid";

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void goodHost() {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", CA);
        Issued leaf = PKI.issue(CA, PKI.spec(POOL).san(POOL, "localhost"));
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    private CliRun audit(String... extra) {
        String[] base = {"audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
            "--pool-fqdn", POOL};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
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
    void withoutTheOptionNothingIsResolvedAndTheRuleDoesNotApply() {
        CliRun run = audit("--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        assertFalse(report.get("dns").get("checked").asBoolean());
        assertEquals(0, report.get("dns").get("names").size());
        assertEquals("not-applicable", rule(report, "fqdn-not-resolvable").get("result").asText());
    }

    @Test
    void aPoolFqdnThatDoesNotResolveIsAnErrorAndTheAnswersAreInTheReport() {
        CliRun run = audit("--format", "json", "--check-dns", "--gateway-address", "localhost");
        assertEquals(2, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        JsonNode dns = report.get("dns");
        assertTrue(dns.get("checked").asBoolean());
        assertEquals(2, dns.get("names").size());
        assertEquals(POOL, dns.get("names").get(0).get("name").asText());
        assertEquals("pool", dns.get("names").get(0).get("role").asText());
        assertEquals("not-found", dns.get("names").get(0).get("outcome").asText());
        assertEquals("localhost", dns.get("names").get(1).get("name").asText());
        assertEquals("resolved", dns.get("names").get(1).get("outcome").asText());
        assertEquals("failed", rule(report, "fqdn-not-resolvable").get("result").asText());
        assertEquals(1, rule(report, "fqdn-not-resolvable").get("findings").asInt());
        JsonNode finding = report.get("findings").get(0);
        assertEquals("fqdn-not-resolvable", finding.get("rule").asText());
        assertTrue(finding.get("message").asText().contains(POOL), finding::toString);
    }

    @Test
    void theSettingsFileTurnsTheCheckOnAndAnUnexpectedAddressIsAnError() throws Exception {
        Path file = config("gatewayAddress: localhost\ncheckDns: true\nexpectedAddresses:\n"
                + "  LOCALHOST: [192.0.2.1]\n");
        CliRun run = audit("--config", file.toString(), "--format", "text");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.out().contains("fqdn-not-resolvable"), run::toString);
        assertTrue(run.out().contains("not to the expected 192.0.2.1"), run::toString);
        assertTrue(run.out().contains("DNS (2 names"), run::toString);
    }

    @Test
    void anExpectedAddressThatIsNoAddressIsAUsageError() throws Exception {
        Path file = config("checkDns: true\nexpectedAddresses:\n  " + POOL + ": [pool.example.com]\n");
        CliRun run = audit("--config", file.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'pool.example.com' is not an IPv4 or IPv6 address"), run::toString);
    }

    @Test
    void anExpectedAddressForANameNotAuditedIsAUsageError() throws Exception {
        Path file = config("checkDns: true\nexpectedAddresses:\n  other.example.invalid: [192.0.2.1]\n");
        CliRun run = audit("--config", file.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("other.example.invalid"), run::toString);
    }
}
