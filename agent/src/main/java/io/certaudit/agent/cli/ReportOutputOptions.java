package io.certaudit.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.certaudit.agent.report.AtomicFile;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportFormat;
import io.certaudit.agent.report.ReportWriter;
import io.certaudit.agent.report.TextReportWriter;
import io.certaudit.agent.report.TextStyle;
import io.certaudit.agent.report.writers.ReportWriters;
import picocli.CommandLine.Option;

/**
 * Where and how a command writes its report: {@code --format}, {@code --output}, {@code --no-color}. Shared by
 * {@code audit} and {@code report} so both write every format the same way. Text on standard output is in colour
 * only when standard output is a terminal, {@code --no-color} is absent and {@code NO_COLOR} is unset or empty
 * (the no-color.org convention); files never are.
 */
public final class ReportOutputOptions {

    /** The format names, for the help text. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(ReportFormat::label).iterator();
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text). html is one self-contained file "
                    + "to attach to a ticket, prometheus a textfile for windows_exporter or node_exporter, ndjson a "
                    + "line per finding for log shippers.")
    private String format;

    @Option(names = "--output", paramLabel = "[FORMAT=]FILE",
            description = "Write the report to FILE (atomically: a temporary file renamed into place) instead of "
                    + "standard output. FORMAT=FILE writes that format; without FORMAT= the file name extension "
                    + "says it (json, html, txt, prom, ndjson), and a file with any other extension takes --format. "
                    + "Repeat for several.")
    private List<String> outputs = new ArrayList<>();

    /** The format each known file name ending says, for {@code --output FILE} without {@code FORMAT=}. */
    private static final Map<String, ReportFormat> FORMAT_OF_EXTENSION = Map.of(".json", ReportFormat.JSON,
            ".html", ReportFormat.HTML, ".txt", ReportFormat.TEXT, ".prom", ReportFormat.PROMETHEUS,
            ".ndjson", ReportFormat.NDJSON);

    @Option(names = "--no-color",
            description = "No colour in the text report, even on a terminal (as does the NO_COLOR variable).")
    private boolean noColor;

    private final Function<String, String> environment;
    private final boolean terminal;

    /**
     * @param environment environment variables, for {@code NO_COLOR}
     * @param terminal    whether standard output is a terminal
     */
    ReportOutputOptions(Function<String, String> environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    /** Checks the format and every output file before any work, so a typo costs nothing. */
    void validate() throws UsageException {
        files();
    }

    /**
     * Writes {@code report} to every {@code --output} file, or to {@code out} when there is none. With
     * {@code keepPreviousJson} a JSON file being replaced is first kept as its {@link AtomicFile#previousOf} copy.
     */
    void write(AuditReport report, PrintWriter out, boolean keepPreviousJson)
            throws UsageException, OutputException, IOException {
        Map<Path, ReportFormat> files = files();
        for (Map.Entry<Path, ReportFormat> file : files.entrySet()) {
            AtomicFile.Content content = writer -> ReportWriters.of(file.getValue()).write(report, writer);
            if (keepPreviousJson && file.getValue() == ReportFormat.JSON) {
                AtomicFile.writeKeepingPrevious(file.getKey(), AtomicFile.previousOf(file.getKey()), content);
            } else {
                AtomicFile.write(file.getKey(), content);
            }
        }
        if (files.isEmpty()) {
            ReportFormat chosen = format == null ? ReportFormat.TEXT : parse(format);
            ReportWriter writer = chosen == ReportFormat.TEXT && colour() ? new TextReportWriter(TextStyle.COLOUR)
                    : ReportWriters.of(chosen);
            writer.write(report, out);
            out.flush();
        }
    }

    private boolean colour() {
        String noColorVariable = environment.apply("NO_COLOR");
        return terminal && !noColor && (noColorVariable == null || noColorVariable.isEmpty());
    }

    /**
     * The {@code --output} files and the format of each, checked. A file's format is its {@code FORMAT=}, else the
     * format its name's ending says, else {@code --format}. A {@code --format} given explicitly must agree with every
     * file whose name says another format, and must be the format of at least one file: otherwise the format asked
     * for would be written nowhere.
     */
    Map<Path, ReportFormat> files() throws UsageException {
        Map<Path, ReportFormat> files = new LinkedHashMap<>();
        ReportFormat requested = format == null ? null : parse(format);
        ReportFormat defaultFormat = requested == null ? ReportFormat.TEXT : requested;
        for (String output : outputs) {
            int equals = output.indexOf('=');
            ReportFormat chosen = defaultFormat;
            String path = output;
            if (equals > 0) {
                chosen = parse(output.substring(0, equals));
                path = output.substring(equals + 1);
            } else {
                ReportFormat named = formatOfName(path);
                if (named != null && requested != null && named != requested) {
                    throw new UsageException("--output " + output + " is named as " + named.label()
                            + " but --format is " + requested.label() + "; write --output " + requested.label()
                            + "=" + output + " to keep the name, or name the file for its format");
                }
                if (named != null) {
                    chosen = named;
                }
            }
            if (path.isBlank()) {
                throw new UsageException("--output " + output + " names no file");
            }
            Path file = Path.of(path);
            if (files.put(file, chosen) != null) {
                throw new UsageException("--output names " + file + " twice");
            }
            if (Files.isDirectory(file)) {
                throw new UsageException("--output " + file + " is a folder; give a file name");
            }
        }
        if (requested != null && !files.isEmpty() && !files.containsValue(requested)) {
            throw new UsageException("--format " + requested.label() + " names a format no --output file takes ("
                    + String.join(", ", outputs) + "); add --output " + requested.label() + "=FILE, or leave "
                    + "--format out");
        }
        return files;
    }

    /** The format a known file name ending says, or {@code null}. */
    private static ReportFormat formatOfName(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ReportFormat> known : FORMAT_OF_EXTENSION.entrySet()) {
            if (name.endsWith(known.getKey())) {
                return known.getValue();
            }
        }
        return null;
    }

    private static ReportFormat parse(String name) throws UsageException {
        return ReportFormat.fromLabel(name).orElseThrow(() -> new UsageException("unknown report format '" + name
                + "'; use one of: " + String.join(", ", new FormatNames())));
    }
}
