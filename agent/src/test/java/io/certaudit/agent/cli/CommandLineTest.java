package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.Json;
import io.certaudit.catalog.BuiltInRules;
import picocli.CommandLine;

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
    void aRunOfOneSubcommandBuildsOnlyItAndSaysTheSameAsTheWholeCommandLine() {
        for (String command : List.of("audit", "capture", "probe", "remediate", "report", "rules", "install",
                "uninstall", "status")) {
            for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "--no-such-option"},
                    new String[] {command, "--time-limit"})) {
                StringWriter leanOut = new StringWriter();
                StringWriter leanErr = new StringWriter();
                CommandLine lean = Main.commandLineFor(args, new PrintWriter(leanOut, true),
                        new PrintWriter(leanErr, true), Platform.current(Map.<String, String>of()::get), false);
                assertEquals(List.of(command), List.copyOf(lean.getSubcommands().keySet()));
                int leanCode = lean.execute(args);
                CliRun whole = CliRun.run(args);
                assertEquals(whole.exitCode(), leanCode, String.join(" ", args));
                assertEquals(whole.out(), leanOut.toString(), String.join(" ", args));
                assertEquals(whole.err(), leanErr.toString(), String.join(" ", args));
            }
        }
        // help describes every subcommand, so it and a run without one get them all.
        for (String[] args : List.of(new String[] {"help", "audit"}, new String[] {"--help"}, new String[] {},
                new String[] {"audti"})) {
            CommandLine whole = Main.commandLineFor(args, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), Platform.current(Map.<String, String>of()::get), false);
            assertEquals(CertauditCommand.SUBCOMMANDS.size(), whole.getSubcommands().size(), String.join(" ", args));
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
