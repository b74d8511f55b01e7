package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportReader;
import io.certaudit.agent.report.UnreadableReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code certaudit report}: renders a saved JSON audit (one a scheduled task wrote, say) in any format, exactly as
 * the live audit would have, so the JSON stays the one record. Exits with the audit's own status.
 */
@Command(name = "report",
        header = "Render a saved JSON audit as text or HTML.",
        description = {
            "Reads an audit written by 'certaudit audit --format json' (schema version 1.x) and writes it in the "
                + "chosen format, as the audit itself would have. The exit code is the saved audit's: 0 OK, "
                + "1 WARNING, 2 CRITICAL, as its findings make it (a status or count edited to differ is "
                + "corrected and said on standard error); 3 when the file cannot be rendered. The file is checked "
                + "against the report schema, and what it holds is printed as cleanly as a live audit.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The saved audit is OK.",
            "1:The saved audit is WARNING.",
            "2:The saved audit is CRITICAL.",
            "3:The file is missing, not JSON, not a certaudit audit, of another major schema version, holds a value "
                + "the schema does not allow, or the output "
                + "cannot be written."},
        footer = {"", "Example: certaudit report audit.json --format html --output report.html"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AUDIT.json", description = "The saved JSON audit.")
    private Path file;

    @Mixin
    private ReportOutputOptions output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        ReportReader.SavedAudit saved;
        try {
            saved = ReportReader.readChecked(file);
        } catch (UnreadableReportException e) {
            throw new UsageException(e.getMessage(), e);
        }
        for (String correction : saved.corrections()) {
            spec.commandLine().getErr().println("certaudit: " + file + " is not as written: " + correction + ".");
        }
        AuditReport report = saved.report();
        output.write(report, spec.commandLine().getOut(), false);
        return report.exitCode();
    }
}
