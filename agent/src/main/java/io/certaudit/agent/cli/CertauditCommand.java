package io.certaudit.agent.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The root command; each subcommand is its own class, listed in {@link #SUBCOMMANDS} rather than in the annotation
 * so that a run of one subcommand need not build the others (see {@link Main#commandLine}).
 */
@Command(name = "certaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Audits the certificate stores of a Windows host for services that talk mutual TLS.",
        description = {
            "Reads LocalMachine Personal (MY), Intermediate (CA) and Trusted Root (ROOT), or an exported copy of "
                + "them, and checks the service certificate, its private key, its chain, names, key size, EKUs "
                + "and dates, and the hygiene of Trusted Root.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK: no warning or error finding.",
            "1:WARNING: warnings, no errors.",
            "2:CRITICAL: at least one error.",
            "3:UNKNOWN: the audit could not run (bad usage, missing source, unwritable output)."},
        footer = {"", "Example: certaudit audit --source examples/bems-host --config examples/bems-host/certaudit.yaml"})
public final class CertauditCommand {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(AuditCommand.class, CaptureCommand.class,
            ProbeCommand.class, RemediateCommand.class, ReportCommand.class, RulesCommand.class, InstallCommand.class,
            UninstallCommand.class, StatusCommand.class, HelpCommand.class);

    /**
     * The subcommand {@code name} runs when it is the first argument, or {@code null} when it names none, or names
     * {@code help}, which needs every other subcommand to describe.
     */
    static Class<?> runnableNamed(String name) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (subcommand != HelpCommand.class && command != null
                    && (command.name().equals(name) || List.of(command.aliases()).contains(name))) {
                return subcommand;
            }
        }
        return null;
    }
}
