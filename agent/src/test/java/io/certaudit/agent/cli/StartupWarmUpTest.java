package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.report.AuditReport;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class StartupWarmUpTest {

    @Test
    void warmsUpOnlyForARunThatAudits() {
        assertTrue(StartupWarmUp.runsAnAudit(new String[] {"audit", "--source", "host", "--format", "json"}));
        assertTrue(StartupWarmUp.runsAnAudit(new String[] {"probe", "--peer", "sbc.example.com:5061"}));
        assertFalse(StartupWarmUp.runsAnAudit(new String[] {}));
        assertFalse(StartupWarmUp.runsAnAudit(new String[] {"rules"}));
        assertFalse(StartupWarmUp.runsAnAudit(new String[] {"help", "audit"}));
        assertFalse(StartupWarmUp.runsAnAudit(new String[] {"--source", "host", "audit"}));
    }

    @Test
    void neverWarmsUpForHelpOrTheVersion() {
        for (String option : List.of("-h", "--help", "-V", "--version")) {
            assertFalse(StartupWarmUp.runsAnAudit(new String[] {"audit", "--source", "host", option}), option);
            assertFalse(StartupWarmUp.runsAnAudit(new String[] {"probe", option}), option);
        }
    }

    @Test
    void theHelpAndVersionOptionsItKnowsAreAllTheAuditingCommandsHave() {
        for (String name : List.of("audit", "probe")) {
            Class<?> subcommand = CertauditCommand.runnableNamed(name);
            CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), TestPlatforms.linux(), false, List.of(subcommand));
            CommandLine command = commandLine.getSubcommands().get(name);
            List<String> helpOrVersion = command.getCommandSpec().options().stream()
                    .filter(option -> option.usageHelp() || option.versionHelp())
                    .flatMap(option -> List.of(option.names()).stream())
                    .sorted()
                    .toList();
            assertEquals(List.of("--help", "--version", "-V", "-h"), helpOrVersion, name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String optionName : option.names()) {
                    if (!helpOrVersion.contains(optionName)) {
                        assertTrue(StartupWarmUp.runsAnAudit(new String[] {name, optionName}), optionName);
                    }
                }
            }
        }
    }

    @Test
    void warmsUpTheJsonWriterOnlyWhenTheRunMayWriteJson() {
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--format", "json"}));
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--format", "JSON"}));
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--format=json"}));
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--output", "json=out/report"}));
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--output=json=out/report"}));
        assertTrue(StartupWarmUp.writesJson(new String[] {"audit", "--output", "out/report.json"}));
        assertFalse(StartupWarmUp.writesJson(new String[] {"audit", "--source", "host"}));
        assertFalse(StartupWarmUp.writesJson(new String[] {"audit", "--format", "text", "--output", "a.html"}));
    }

    @Test
    void findsTheTypesTheReportHoldsDownItsRecords() {
        Set<Class<?>> types = StartupWarmUp.typesHeldBy(AuditReport.class);
        assertTrue(types.contains(AuditReport.class), types.toString());
        // Held directly, inside a list, and inside a record that is itself inside a list.
        assertTrue(types.contains(AuditReport.Tool.class), types.toString());
        assertTrue(types.contains(AuditReport.FindingEntry.class), types.toString());
        assertTrue(types.contains(AuditReport.CertificateEntry.class), types.toString());
        assertFalse(types.contains(String.class), types.toString());
    }

    @Test
    void buildsEveryReportSerializerWithoutFailing() {
        assertDoesNotThrow(StartupWarmUp::reportSerializers);
    }
}
