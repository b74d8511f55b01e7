package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;

/** The README's quick start audits examples/bems-host; this keeps its result what the README says. */
class ExampleHostTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "bems-host");

    @Test
    void theExampleHostShowsExactlyItsDeliberateMistake() {
        CliRun run = CliRun.run("audit", "--source", EXAMPLE.toString(), "--config",
                EXAMPLE.resolve("certaudit.yaml").toString(), "--format", "json", "--at", "2030-01-01");
        assertEquals(2, run.exitCode(), run::toString);
        JsonNode report = ReportSchema.assertValid(run.out());
        JsonNode findings = report.get("findings");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("root-store-non-self-signed", findings.get(0).get("rule").asText());
        assertEquals(1, report.get("serviceCertificates").size());
        assertEquals("complete", report.get("stores").get(0).get("certificates").get(0).get("chain")
                .get("status").asText());
        assertEquals(true, Files.isRegularFile(EXAMPLE.resolve("MY").resolve("bemsapppool.example.com.key")));
    }
}
