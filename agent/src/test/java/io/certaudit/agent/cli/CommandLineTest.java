package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.Json;
import io.certaudit.catalog.BuiltInRules;

class CommandLineTest {

    @Test
    void helpListsTheSubcommandsAndTheExitCodes() {
        CliRun run = CliRun.run("--help");
        assertEquals(0, run.exitCode());
        for (String expected : new String[] {"audit", "rules", "0", "OK", "1", "WARNING", "2", "CRITICAL", "3",
            "UNKNOWN"}) {
            assertTrue(run.out().contains(expected), expected + " in\n" + run.out());
        }
        CliRun audit = CliRun.run("audit", "--help");
        assertTrue(audit.out().contains("--pool-fqdn") && audit.out().contains("Exit codes"), audit.out());
    }

    @Test
    void helpTextNeverBreaksAPathOrAVariableAcrossLines() throws Exception {
        List<String> helps = new java.util.ArrayList<>();
        for (String command : List.of("audit", "probe", "report", "rules", "install", "uninstall", "status")) {
            helps.add(CliRun.run(command, "--help").out());
        }
        // The command reference is the same help at its own width: it wraps elsewhere, so check it too.
        helps.add(java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md")));
        for (String help : helps) {
            String command = help.lines().findFirst().orElse("");
            assertFalse(help.matches("(?s).*%\\s*\\n\\s*\\\\.*"), command + ": " + help);
            for (String line : help.lines().toList()) {
                assertFalse(line.strip().matches("^\\\\\\w.*"), command + " wraps before a backslash: " + line);
                assertEquals(0, line.chars().filter(c -> c == '%').count() % 2,
                        command + " wraps inside a %VARIABLE%: " + line);
            }
        }
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("certaudit "), run.out());
    }

    @Test
    void rulesListsTheWholeCatalogueAsJson() throws Exception {
        CliRun run = CliRun.run("rules", "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode rules = Json.MAPPER.readTree(run.out());
        assertEquals(BuiltInRules.catalog().rules().size(), rules.size());
        assertEquals("no-service-certificate", rules.get(0).get("id").asText());
        assertTrue(rules.get(0).has("remediation") && rules.get(0).has("citation"));
    }

    @Test
    void rulesAsTextIsOneLinePerRule() {
        CliRun run = CliRun.run("rules");
        assertEquals(BuiltInRules.catalog().rules().size(), run.out().lines().count());
    }
}
