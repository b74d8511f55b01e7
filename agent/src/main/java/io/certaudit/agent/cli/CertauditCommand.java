package io.certaudit.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command; each subcommand is its own class. */
@Command(name = "certaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Audits the certificate stores of a Windows host for services that talk mutual TLS.",
        description = {
            "Reads LocalMachine Personal (MY), Intermediate (CA) and Trusted Root (ROOT), or an exported copy of "
                + "them, and checks the service certificate, its private key, its chain, names, key size, EKUs "
                + "and dates, and the hygiene of Trusted Root.",
            ""},
        subcommands = {AuditCommand.class, CaptureCommand.class, ProbeCommand.class, RemediateCommand.class, ReportCommand.class,
            RulesCommand.class,
            InstallCommand.class,
            UninstallCommand.class, StatusCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK: no warning or error finding.",
            "1:WARNING: warnings, no errors.",
            "2:CRITICAL: at least one error.",
            "3:UNKNOWN: the audit could not run (bad usage, missing source, unwritable output)."},
        footer = {"", "Example: certaudit audit --source examples/bems-host --config examples/bems-host/certaudit.yaml"})
public final class CertauditCommand {
}
