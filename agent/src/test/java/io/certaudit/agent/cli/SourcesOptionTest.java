package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** --source takes folders and exports, several at once, combined into one host. */
class SourcesOptionTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Sources Test Root");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("bems.example.com").san("bems.example.com"));

    @TempDir
    Path dir;

    @Test
    void severalSourcesMakeOneHostNamedAfterTheFirstSourcesFolder() {
        HostFolder personal = new HostFolder(dir.resolve("bems01").resolve("personal-copy"));
        personal.pemWithKey("MY", "service.pem", LEAF, LEAF);
        HostFolder roots = new HostFolder(dir.resolve("roots-copy"));
        roots.pem("ROOT", "root.pem", ROOT);
        CliRun run = CliRun.run("audit", "--source", personal.root().toString(), "--source", roots.root().toString(),
                "--at", TestPki.NOW.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        assertEquals("personal-copy", report.get("host").asText());
        assertTrue(report.get("source").asText().contains(" + "), report.get("source").asText());
        assertEquals("complete", report.get("stores").get(0).get("certificates").get(0).get("chain").get("status")
                .asText());
    }

    @Test
    void theHostNameCanBeGiven() {
        HostFolder host = new HostFolder(dir.resolve("copy"));
        host.pem("ROOT", "root.pem", ROOT);
        CliRun run = CliRun.run("audit", "--source", host.root().toString(), "--host-name", "BEMS01",
                "--format", "json");
        assertEquals("BEMS01", ReportSchema.assertValid(run.out()).get("host").asText());
    }

    @Test
    void anUnknownSourceKindOrStoreIsAUsageError() throws Exception {
        Path text = Files.writeString(dir.resolve("certs.txt"), "x");
        CliRun unknownKind = CliRun.run("audit", "--source", text.toString());
        assertEquals(3, unknownKind.exitCode(), unknownKind::toString);
        assertTrue(unknownKind.err().contains(".sst or .reg"), unknownKind::toString);
        CliRun badStore = CliRun.run("audit", "--source", dir.toString(), "--store", "TrustedPeople");
        assertEquals(3, badStore.exitCode(), badStore::toString);
        assertTrue(badStore.err().contains("use MY, CA, ROOT, Disallowed or ClientAuthIssuer"), badStore::toString);
    }
}
