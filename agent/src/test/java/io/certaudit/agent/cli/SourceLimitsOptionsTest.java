package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** --max-file-bytes, --max-entries and the config file's limits section. */
class SourceLimitsOptionsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Limits Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Limits Test Issuing CA").ca());

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void host() {
        host = new HostFolder(dir.resolve("host"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", CA, CA, CA);
        Issued service = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
        host.pemWithKey("MY", "service.pem", service, service);
    }

    private CliRun audit(String... extra) {
        String[] base = {"audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString(), "--format",
            "json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    /** The finding that reports the limit; what else the limit left unread decides the exit code. */
    private static String limitFinding(CliRun run) {
        assertTrue(run.exitCode() == 1 || run.exitCode() == 2, run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("rule").asText().equals("unreadable-certificate")
                    && finding.get("message").asText().contains("limit")) {
                return finding.get("message").asText();
            }
        }
        throw new AssertionError("no limit finding in " + run);
    }

    @Test
    void theFileSizeLimitComesFromTheFlag() {
        String message = limitFinding(audit("--max-file-bytes", "1K"));
        assertTrue(message.contains("1024-byte limit"), message);
    }

    @Test
    void theEntryLimitComesFromTheFlag() {
        String message = limitFinding(audit("--max-entries", "2"));
        assertTrue(message.contains("more than 2 entries"), message);
    }

    @Test
    void theConfigFileSetsLimitsAndFlagsOverrideIt() throws Exception {
        Path config = Files.writeString(dir.resolve("certaudit.yaml"), """
                limits:
                  maxFileBytes: 1KiB
                  maxEntries: 3
                """);
        assertTrue(limitFinding(audit("--config", config.toString())).contains("1024-byte limit"));
        CliRun raised = audit("--config", config.toString(), "--max-file-bytes", "1M", "--max-entries", "100");
        assertEquals(0, raised.exitCode(), raised::toString);
    }

    @Test
    void badLimitsAreUsageErrors() throws Exception {
        Path negative = Files.writeString(dir.resolve("negative.yaml"), "limits: {maxEntries: -1}\n");
        Path misspelt = Files.writeString(dir.resolve("misspelt.yaml"), "limits: {maxFilesBytes: 1M}\n");
        String[][] cases = {
            {"--max-file-bytes", "lots"}, {"--max-file-bytes", "0"}, {"--max-entries", "0"},
            {"--config", negative.toString()}, {"--config", misspelt.toString()}};
        for (String[] args : cases) {
            CliRun run = audit(args);
            assertEquals(3, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
            assertTrue(run.err().startsWith("certaudit: ") && run.err().lines().count() == 1, run::toString);
            assertFalse(run.err().contains("\tat "), run::toString);
        }
    }
}
