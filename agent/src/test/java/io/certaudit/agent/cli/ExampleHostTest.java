package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void theReadmeQuickStartIsTwoCommandsAndEveryExampleRunsTheToolOneWay() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        quickStart = quickStart.substring(0, quickStart.indexOf("\n## ", 1));
        String block = quickStart.substring(quickStart.indexOf("```sh\n") + 6);
        List<String> commands = block.substring(0, block.indexOf("```")).lines().toList();
        assertEquals(List.of("mvn -B -q -DskipTests package && agent/target/certaudit audit --source "
                + "examples/bems-host --config examples/bems-host/certaudit.yaml", "mvn -B verify"), commands);
        assertTrue(quickStart.contains("Every example below runs that command as `certaudit`"), quickStart);
        // In every example, the tool is the certaudit command: never java -jar, never the jar's path.
        String[] parts = readme.split("```");
        for (int i = 1; i < parts.length; i += 2) {
            for (String line : parts[i].lines().toList()) {
                assertFalse(line.contains("java -jar") || line.contains("certaudit.jar "), line);
            }
        }
    }
}
