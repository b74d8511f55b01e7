package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.remediate.InfFile;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** certaudit remediate end to end: which files it writes, what they hold, its exit codes, and links refused. */
class RemediateCommandTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Remediate Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Remediate Test Issuing CA").ca());
    private static final String POOL = "bemsapppool.example.com";

    @TempDir
    Path dir;
    private HostFolder host;
    private Path out;

    @BeforeEach
    void host() throws Exception {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", CA);
        // The Personal store is given, if empty: a host whose MY was not exported is not known to lack a certificate.
        Files.createDirectories(host.root().resolve("MY"));
        out = dir.resolve("requests");
    }

    private Issued service(TestPki.Spec spec) {
        Issued leaf = PKI.issue(CA, spec);
        host.pemWithKey("MY", "service.pem", leaf, leaf);
        return leaf;
    }

    private CliRun remediate(String... extra) {
        String[] base = {"remediate", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
            "--pool-fqdn", POOL, "--instance-fqdn", "bems01.example.com", "--output-dir", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void aHealthyHostNeedsNothingExitsZeroAndWritesNoFile() {
        service(PKI.spec(POOL).san(POOL, "bems01.example.com"));
        CliRun run = remediate();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("no request written"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void aCertificateWithAShortKeyAndAMissingNameGetsAnInfAndAReadmeAndExitsOne() throws Exception {
        Issued leaf = service(PKI.spec(POOL).san(POOL).rsa(1024));
        String thumbprint = leaf.in(StoreName.MY).thumbprint();
        CliRun run = remediate("--key-provider", "ksp", "--key-length", "3072");
        assertEquals(1, run.exitCode(), run::toString);
        Path inf = out.resolve("certreq-" + thumbprint + ".inf");
        assertTrue(run.out().contains(inf.toString()), run::toString);
        String text = Files.readString(inf, StandardCharsets.US_ASCII);
        InfFile parsed = InfFile.parse(text);
        assertEquals("CN=" + POOL, parsed.value("NewRequest", "Subject").orElseThrow());
        assertEquals("{text}dns=" + POOL + "&dns=bems01.example.com",
                parsed.value("Extensions", "2.5.29.17").orElseThrow());
        assertEquals("3072", parsed.value("NewRequest", "KeyLength").orElseThrow());
        assertEquals("Microsoft Software Key Storage Provider", parsed.value("NewRequest", "ProviderName")
                .orElseThrow());
        assertEquals("RSA", parsed.value("NewRequest", "KeyAlgorithm").orElseThrow());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"),
                parsed.values("EnhancedKeyUsageExtension", "OID"));
        assertTrue(text.contains("key-too-short: ") && text.contains("san-missing-fqdn: "), text);
        assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends");

        String readme = Files.readString(out.resolve("README.txt"), StandardCharsets.US_ASCII);
        String base = "certreq-" + thumbprint;
        assertTrue(readme.contains("certreq -new -machine " + base + ".inf " + base + ".req"), readme);
        assertTrue(readme.contains("certreq -submit -config \"CAHOST\\CA Name\" " + base + ".req " + base + ".cer"),
                readme);
        assertTrue(readme.contains("certreq -accept -machine " + base + ".cer"), readme);
    }

    @Test
    void theAuditReportsInEveryFormatGiveTheCommandsForTheRequestRemediateWrites() throws Exception {
        Issued leaf = service(PKI.spec(POOL).san(POOL, "bems01.example.com").rsa(1024));
        String base = "certreq-" + leaf.in(StoreName.MY).thumbprint();
        Path json = dir.resolve("audit.json");
        Path text = dir.resolve("audit.txt");
        Path html = dir.resolve("audit.html");
        CliRun run = CliRun.run("audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
                "--pool-fqdn", POOL, "--instance-fqdn", "bems01.example.com", "--output", "json=" + json,
                "--output", "text=" + text, "--output", "html=" + html);
        assertEquals(1, run.exitCode(), run::toString);
        String remediation = null;
        for (JsonNode finding : ReportSchema.assertValid(Files.readString(json)).get("findings")) {
            if (finding.get("rule").asText().equals("key-too-short")) {
                remediation = finding.get("remediation").asText();
            }
        }
        assertTrue(remediation != null && remediation.contains("certaudit remediate --output-dir DIR"), remediation);
        // The text and HTML reports wrap and escape: compare them with whitespace collapsed and entities decoded.
        String textReport = Files.readString(text).replaceAll("\\s+", " ");
        String htmlReport = Files.readString(html).replace("&quot;", "\"").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
        for (String command : List.of("certreq -new -machine " + base + ".inf " + base + ".req",
                "certreq -submit -config \"CAHOST\\CA Name\" " + base + ".req " + base + ".cer",
                "certreq -accept -machine " + base + ".cer")) {
            assertTrue(remediation.contains(command), remediation);
            assertTrue(textReport.contains(command), command + " in " + textReport);
            assertTrue(htmlReport.contains(command), command + " in the HTML report");
        }
    }

    @Test
    void aHostWithoutAServiceCertificateGetsARequestForTheConfiguredNames() throws Exception {
        CliRun run = remediate();
        assertEquals(1, run.exitCode(), run::toString);
        InfFile parsed = InfFile.parse(Files.readString(out.resolve("certreq-new.inf")));
        assertEquals("Microsoft RSA SChannel Cryptographic Provider", parsed.value("NewRequest", "ProviderName")
                .orElseThrow());
        assertEquals("12", parsed.value("NewRequest", "ProviderType").orElseThrow());
        assertEquals("2048", parsed.value("NewRequest", "KeyLength").orElseThrow());
    }

    @Test
    void withoutANameToRequestTheRunIsAUsageError() {
        service(PKI.spec(POOL).san(POOL).rsa(1024));
        CliRun run = CliRun.run("remediate", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
                "--output-dir", out.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--pool-fqdn"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownKeyProviderIsAUsageError() {
        CliRun run = remediate("--key-provider", "tpm");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("schannel or ksp"), run::toString);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anOutputFolderThatIsALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out, elsewhere);
        CliRun run = remediate();
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("symbolic link"), run::toString);
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFileNameThatIsALinkIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectory(out);
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(out.resolve("README.txt"), victim);
        CliRun run = remediate();
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("symbolic link"), run::toString);
        assertEquals("keep", Files.readString(victim));
        assertFalse(Files.exists(out.resolve("certreq-new.inf")), "nothing written when one name is refused");
    }
}
