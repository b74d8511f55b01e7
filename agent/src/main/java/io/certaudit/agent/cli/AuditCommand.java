package io.certaudit.agent.cli;

import java.util.Set;

import io.certaudit.engine.RuleCatalog;
import picocli.CommandLine.Command;

/** {@code certaudit audit}: reads a host, runs the catalogue, writes the report, exits with the status. */
@Command(name = "audit",
        header = "Audit a host's certificate stores and print or write the report.",
        description = {
            "Reads the stores (an exported copy with --source), checks every rule of the catalogue and reports the "
                + "findings. The exit code is the worst finding: 0 OK, 1 WARNING, 2 CRITICAL; 3 when the audit "
                + "could not run.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK: no warning or error finding.",
            "1:WARNING: warnings, no errors.",
            "2:CRITICAL: at least one error.",
            "3:UNKNOWN: the audit could not run (bad usage, missing source, unwritable output)."})
public final class AuditCommand extends AuditRun {

    AuditCommand(Platform platform) {
        super(platform);
    }

    @Override
    boolean readsLocalStoresByDefault() {
        return true;
    }

    @Override
    Set<String> rulesNotRun(RuleCatalog catalog, boolean sourceGiven) {
        return Set.of();
    }
}
