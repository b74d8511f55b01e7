package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class AuditCommandTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("CLI Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("CLI Test Issuing CA").ca());
    private static final String AT = TestPki.NOW.toString();

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void goodHost() {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", CA);
    }

    private void service(TestPki.Spec spec) {
        Issued leaf = PKI.issue(CA, spec);
        host.pemWithKey("MY", "service.pem", leaf, leaf);
    }

    private CliRun audit(String... extra) {
        String[] base = {"audit", "--source", host.root().toString(), "--at", AT};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void aHealthyHostExitsOkWithAValidJsonAudit() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com", "bemsserver01.example.com"));
        CliRun run = audit("--format", "json", "--pool-fqdn", "bemsapppool.example.com",
                "--instance-fqdn", "bemsserver01.example.com");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        assertEquals("OK", report.get("status").asText());
        assertEquals("bems01", report.get("host").asText());
        assertEquals(AT, report.get("evaluatedAt").asText());
        JsonNode service = report.get("stores").get(0).get("certificates").get(0);
        assertEquals("complete", service.get("chain").get("status").asText());
        assertEquals(3, service.get("chain").get("path").size());
        assertEquals("CA", service.get("chain").get("elements").get(1).get("store").asText());
        assertTrue(service.get("hasPrivateKey").asBoolean());
        assertTrue(service.get("thumbprint").asText().matches("[0-9A-F]{40}"));
    }

    @Test
    void aDistrustedIssuerInTheDisallowedFolderFailsTheChainAndTheReportListsTheStore() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.pem("Disallowed", "distrusted.crt", CA);
        CliRun run = audit("--format", "json", "--pool-fqdn", "bemsapppool.example.com");
        assertEquals(2, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        boolean distrusted = false;
        for (JsonNode finding : report.get("findings")) {
            distrusted |= finding.get("rule").asText().equals("certificate-distrusted");
        }
        assertTrue(distrusted, run::toString);
        boolean listed = false;
        for (JsonNode store : report.get("stores")) {
            listed |= store.get("name").asText().equals("DISALLOWED") && store.get("certificates").size() == 1;
        }
        assertTrue(listed, run::toString);
    }

    @Test
    void warningsOnlyExitOne() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com")
                .eku(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
        CliRun run = audit();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("CERTAUDIT WARNING - 0 errors, 1 warning"), run.out());
        assertTrue(run.out().contains("eku-missing-client-auth"), run.out());
        assertTrue(run.out().contains("Fix: "), run.out());
    }

    @Test
    void anErrorExitsTwoAndTheTextReportGroupsFindingsByCertificate() {
        service(PKI.spec("bemsapppool").san("bemsapppool"));
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("CERTAUDIT CRITICAL"), run.out());
        assertTrue(run.out().contains("subject-cn-not-fqdn"), run.out());
        assertTrue(run.out().contains("Service certificates (1)"), run.out());
    }

    @Test
    void aConfigFileSetsNamesAndSeveritiesAndFlagsOverrideIt() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com")
                .eku(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
        Path config = Files.writeString(dir.resolve("certaudit.yaml"), """
                poolFqdn: bemsapppool.example.com
                instanceFqdns: [bemsserver09.example.com]
                rules:
                  eku-missing-client-auth: off
                  san-missing-fqdn: warning
                """);
        CliRun fromFile = audit("--config", config.toString(), "--format", "json");
        assertEquals(1, fromFile.exitCode(), fromFile::toString);
        JsonNode report = ReportSchema.assertValid(fromFile.out());
        assertEquals("san-missing-fqdn", report.get("findings").get(0).get("rule").asText());
        assertEquals("warning", report.get("findings").get(0).get("severity").asText());
        CliRun overridden = audit("--config", config.toString(), "--instance-fqdn", "bemsapppool.example.com");
        assertEquals(0, overridden.exitCode(), overridden::toString);
    }

    @Test
    void theJsonConfigFormatIsAcceptedToo() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        Path config = Files.writeString(dir.resolve("settings.json"), "{\"expiryWarningDays\": 400}");
        CliRun run = audit("--config", config.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("certificate-expiring"), run.out());
    }

    @Test
    void configMistakesAreClearErrorsWithExitThree() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        Map<String, String> cases = Map.of(
                "poolFdqn: typo.example.com\n", "unknown setting 'poolFdqn'",
                "rules:\n  no-such-rule: off\n", "unknown rule 'no-such-rule'",
                "rules:\n  key-too-short: fatal\n", "use error, warning, info or off",
                "poolFqdn: [unclosed\n", "config file",
                "a: b: c\n", "is not valid YAML (line 1, column 5): mapping values are not allowed here",
                "poolFqdn: [a.example.com]\n", "setting 'poolFqdn' (line 1, column 11) takes a single value",
                "instanceFqdns: [a.example.com]\nexpiryWarningDays: soon\n",
                "setting 'expiryWarningDays' (line 2, column 20) takes a whole number",
                "instanceFqdns: a.example.com\n", "setting 'instanceFqdns' (line 1, column 16) takes a list",
                "limits: 5\n", "setting 'limits' (line 1, column 9) takes indented settings beneath it");
        int i = 0;
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Path config = Files.writeString(dir.resolve("bad" + i++ + ".yaml"), entry.getKey());
            CliRun run = audit("--config", config.toString());
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().contains(entry.getValue()), run::toString);
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        }
        CliRun missing = audit("--config", dir.resolve("absent.yaml").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing::toString);
    }

    @Test
    void aConfigMistakeNamesTheLineOfItsKeyNotTheEndOfTheFile() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        Map<String, String> cases = Map.of(
                "poolFqdn: a.example.com\nbogus: 1\nexpiryWarningDays: 30\ninstanceFqdns: [b.example.com]\n",
                "unknown setting 'bogus' (line 2)",
                "limits:\n  maxEntries: 5\n  maxEntires: 6\npoolFqdn: a.example.com\n",
                "unknown setting 'limits.maxEntires' (line 3)",
                "rules:\n  key-too-short: info\n  no-such-rule: off\npoolFqdn: a.example.com\n",
                "unknown rule 'no-such-rule' under 'rules:' (line 3)",
                "poolFqdn: a.example.com\nrules:\n  key-too-short: info\n  eku-missing-client-auth: loud\n",
                "rule 'eku-missing-client-auth' (line 4) is set to 'loud'",
                "expiryWarningDays: -3\npoolFqdn: a.example.com\n",
                "setting 'expiryWarningDays' (line 1): the expiry warning must be 0 days or more",
                "poolFqdn: a.example.com\nlimits:\n  maxFileBytes: 12Q\n",
                "setting 'limits.maxFileBytes' (line 3): the file size limit '12Q'",
                "poolFqdn: a.example.com\npeers: [pool.example.com]\n",
                "setting 'peers' (line 2): ");
        int i = 0;
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Path config = Files.writeString(dir.resolve("lines" + i++ + ".yaml"), entry.getKey());
            CliRun run = audit("--config", config.toString());
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().contains("config file " + config + ": " + entry.getValue())
                    || run.err().contains(entry.getValue()) && run.err().contains("config file " + config),
                    entry.getKey() + " -> " + run);
        }
        Path json = Files.writeString(dir.resolve("lines.json"), "{\n  \"poolFqdn\": \"a.example.com\",\n"
                + "  \"rules\": {\"no-such-rule\": \"off\"}\n}\n");
        CliRun run = audit("--config", json.toString());
        assertTrue(run.err().contains("unknown rule 'no-such-rule' under 'rules:' (line 3)"), run::toString);
    }

    @Test
    void aRootOnlyExportDoesNotJudgeServiceCertificatesAsMissingAndSaysWhichStoresWereAbsent() throws Exception {
        HostFolder rootOnly = new HostFolder(dir.resolve("roots-only"));
        rootOnly.pem("ROOT", "root.crt", ROOT);
        CliRun run = CliRun.run("audit", "--source", rootOnly.root().toString(), "--at", AT);
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("no-service-certificate"), run.out());
        assertTrue(run.out().contains("not looked for: Personal (MY) was not part of what was given"), run.out());
        assertTrue(run.out().contains("Not given: MY, CA."), run.out());
        assertTrue(run.out().matches("(?s).*MY +Personal +not given.*"), run.out());

        JsonNode report = ReportSchema.assertValid(CliRun.run("audit", "--source", rootOnly.root().toString(),
                "--at", AT, "--format", "json").out());
        assertFalse(report.get("stores").get(0).get("given").asBoolean());
        assertTrue(report.get("stores").get(2).get("given").asBoolean());

        // Given but empty is another matter: that is a host without its service certificate.
        Files.createDirectories(rootOnly.root().resolve("MY"));
        CliRun empty = CliRun.run("audit", "--source", rootOnly.root().toString(), "--at", AT);
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.out().contains("no-service-certificate"), empty.out());
    }

    @Test
    void theStoreTableCountsFindingsOnTheStoreItself() {
        host.pem("MY", "not-a-service.crt", CA);
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.out().contains("no-service-certificate"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  MY +Personal +1 +0 \\+ 1 on the store\\n.*"), run.out());
    }

    @Test
    void usageMistakesExitThreeWithAMessageAndNoStackTrace() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        for (String[] args : new String[][] {
            {"audit", "--source", host.root().toString(), "--at", "yesterday"},
            {"audit", "--source", host.root().toString(), "--format", "xml"},
            {"audit", "--source", host.root().toString(), "--expiry-warning-days", "-5"},
            {"audit", "--source", host.root().toString(), "--no-such-option"},
            {"audit", "--source", dir.resolve("absent").toString()},
            {"audit", "--source", host.root().toString(), "--pfx-password-env", "UNSET_VARIABLE"},
            {"frobnicate"}}) {
            CliRun run = CliRun.run(args);
            assertEquals(3, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
            assertTrue(run.err().startsWith("certaudit: "), run::toString);
            assertFalse(run.err().contains("\tat "), run::toString);
        }
    }

    @Test
    void anEmptyHostNameAndNamesThatAreNotFqdnsAreRefusedClearly() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        Map<List<String>, String> cases = Map.of(
                List.of("--host-name", ""), "--host-name is empty",
                List.of("--host-name", "  "), "--host-name is empty",
                List.of("--pool-fqdn", "bemsapppool"), "--pool-fqdn 'bemsapppool' is not a fully qualified domain "
                        + "name: it is a single label, not fully qualified; give the full DNS name",
                List.of("--instance-fqdn", "*.example.com"), "--instance-fqdn '*.example.com' is not a fully "
                        + "qualified domain name: it is a wildcard",
                List.of("--pool-fqdn", ""), "--pool-fqdn '' is not a fully qualified domain name: it is empty");
        for (Map.Entry<List<String>, String> entry : cases.entrySet()) {
            CliRun run = audit(entry.getKey().toArray(String[]::new));
            assertEquals(3, run.exitCode(), entry.getKey() + " " + run);
            assertTrue(run.err().contains(entry.getValue()), entry.getKey() + " " + run);
            assertEquals(1, run.err().lines().count(), run::toString);
        }
        Path config = Files.writeString(dir.resolve("single-label.yaml"), "expiryWarningDays: 5\npoolFqdn: bems\n");
        CliRun run = audit("--config", config.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("setting 'poolFqdn' (line 2): 'bems' is not a fully qualified domain name"),
                run::toString);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutASourceOffWindowsItSaysHowToAuditAnExport() {
        CliRun run = CliRun.run("audit");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--source FOLDER"), run::toString);
        assertTrue(run.err().contains("reg export HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\MY my.reg"),
                run::toString);
        assertTrue(run.err().contains("--source my.reg --source ca.reg --source root.reg"), run::toString);
    }

    @Test
    void writesSeveralFormatsToFilesAtomically() throws Exception {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        Path json = dir.resolve("audit.json");
        Path text = dir.resolve("audit.txt");
        Files.writeString(json, "previous");
        CliRun run = audit("--output", "json=" + json, "--output", "text=" + text);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out(), "nothing on standard output when every report goes to a file");
        ReportSchema.assertValid(Files.readString(json, StandardCharsets.UTF_8));
        assertTrue(Files.readString(text).startsWith("CERTAUDIT OK"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void anOutputInAMissingFolderExitsThree() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        CliRun run = audit("--output", dir.resolve("no/such/folder/audit.json").toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("does not exist"), run::toString);
    }

    @Test
    void aCorruptCertificateIsAFindingAndTheRestOfTheAuditGoesOn() {
        service(PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.write(host.file("CA", "corrupt.cer"), "garbage".getBytes(StandardCharsets.US_ASCII));
        CliRun run = audit("--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        assertEquals("unreadable-certificate", report.get("findings").get(0).get("rule").asText());
        assertTrue(report.get("findings").get(0).get("message").asText().contains("corrupt.cer"));
        assertEquals("complete", report.get("stores").get(0).get("certificates").get(0).get("chain").get("status")
                .asText());
    }

    @Test
    void pfxPasswordsComeFromTheNamedVariableAndNeverAppearInOutput() {
        Issued leaf = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.pfx("MY", "service.pfx", "Pa55-w0rd-XYZ", leaf);
        CliRun run = CliRun.run(Map.of("BEMS_PFX", "Pa55-w0rd-XYZ"), "audit", "--source", host.root().toString(),
                "--at", AT, "--format", "json", "--pfx-password-env", "BEMS_PFX");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("Pa55-w0rd-XYZ") || run.err().contains("Pa55-w0rd-XYZ"));
        assertFalse(run.out().contains("PRIVATE KEY"));
    }
}
