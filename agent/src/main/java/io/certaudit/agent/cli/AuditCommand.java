package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.certaudit.agent.eventlog.AuditEvents;
import io.certaudit.agent.eventlog.EventEntry;
import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.report.AtomicFile;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportBuilder;
import io.certaudit.agent.report.ReportFormat;
import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.Sources;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleEngine;
import io.certaudit.engine.Severity;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", paramLabel = "PATH",
            description = "What to audit: a folder holding the host's stores as MY, CA and ROOT subfolders (also "
                    + "Personal, Intermediate, Root, Trusted Root) of PEM, DER, PFX files; a serialized store "
                    + "(.sst); or a registry export of a store (.reg). Repeat to combine several into one host. "
                    + "Without it, the local machine's stores are read (Windows only).")
    private List<Path> sources = new ArrayList<>();

    @Option(names = "--store", paramLabel = "STORE",
            description = "The store (MY, CA or ROOT) of the .sst sources; without it, the file name must name "
                    + "the store (my.sst, ca.sst, root.sst, Personal.sst...).")
    private String store;

    @Option(names = "--host-name", paramLabel = "NAME",
            description = "The host's name in the report (default: the source folder's name, or the name of the "
                    + "folder the source file is in).")
    private String hostName;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (YAML, or JSON when named *.json): the settings below plus per-rule "
                    + "severities under 'rules:' ('off' disables a rule). Flags override the file.")
    private Path config;

    @Option(names = "--pool-fqdn", paramLabel = "NAME",
            description = "The trusted application pool FQDN the certificate must name (CN and SAN).")
    private String poolFqdn;

    @Option(names = "--instance-fqdn", paramLabel = "NAME",
            description = "The FQDN of a BEMS instance the certificate serves; repeat for each.")
    private List<String> instanceFqdns = new ArrayList<>();

    @Option(names = "--gateway-address", paramLabel = "NAME",
            description = "The Exchange UM IP gateway address; CN and SAN must hold it, letter case included.")
    private String gatewayAddress;

    @Option(names = "--expiry-warning-days", paramLabel = "N",
            description = "Warn when a certificate of a service chain expires within N days (default 30).")
    private Integer expiryWarningDays;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Judge validity at this ISO-8601 instant or date (e.g. 2027-01-15T00:00:00Z or "
                    + "2027-01-15) instead of now.")
    private String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text (default), json, prometheus (a textfile for windows_exporter or "
                    + "node_exporter) or ndjson (a line per finding, for log shippers).")
    private String format;

    @Option(names = "--output", paramLabel = "[FORMAT=]FILE",
            description = "Write the report to FILE (atomically: a temporary file renamed into place) instead of "
                    + "standard output. FORMAT=FILE writes that format; repeat for several.")
    private List<String> outputs = new ArrayList<>();

    @Option(names = "--keep-previous",
            description = "Before replacing a JSON report file, keep it as NAME.previous.json (also atomically). "
                    + "Other formats are replaced without a copy: a textfile collector would read a kept copy as a "
                    + "second set of metrics.")
    private boolean keepPrevious;

    @Option(names = "--event-log",
            description = "Also write one event per run to the Windows Application log, source certaudit "
                    + "(registered by 'certaudit install'): id 1000 OK, 1001 WARNING, 1002 CRITICAL, 1003 the "
                    + "audit could not run.")
    private boolean eventLog;

    @Option(names = "--pfx-password-env", paramLabel = "VARIABLE",
            description = "Name of the environment variable holding the password of .pfx/.p12 files in the "
                    + "source (default: try an empty password). The password is never printed.")
    private String pfxPasswordVariable;

    private final Function<String, String> environment;
    private final Clock clock;
    private final WindowsEventLog events;
    private final String machineName;

    public AuditCommand(Function<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    AuditCommand(Function<String, String> environment, Clock clock) {
        this(environment, clock, WindowsEventLog.unavailable("the Windows event log is not available here"),
                "this host");
    }

    AuditCommand(Platform platform) {
        this(platform.environment(), platform.clock(), platform.eventLog(), platform.hostName());
    }

    private AuditCommand(Function<String, String> environment, Clock clock, WindowsEventLog events,
                         String machineName) {
        this.environment = environment;
        this.clock = clock;
        this.events = events;
        this.machineName = machineName;
    }

    @Override
    public Integer call() throws Exception {
        if (!eventLog) {
            return audit().exitCode();
        }
        try {
            events.isSourceRegistered();
        } catch (EventLogException e) {
            throw new UsageException("--event-log: " + e.getMessage());
        }
        AuditReport report;
        try {
            report = audit();
        } catch (UsageException | SourceException | OutputException e) {
            report(AuditEvents.failure(hostName != null ? hostName : machineName, e.getMessage()));
            throw e;
        }
        report(AuditEvents.of(report, jsonReportFile()));
        return report.exitCode();
    }

    private void report(EventEntry event) throws OutputException {
        try {
            events.report(event);
        } catch (EventLogException e) {
            throw new OutputException("cannot write to the Windows event log: " + e.getMessage(), e);
        }
    }

    private String jsonReportFile() throws UsageException {
        for (Map.Entry<Path, ReportFormat> file : outputFiles().entrySet()) {
            if (file.getValue() == ReportFormat.JSON) {
                return file.getKey().toAbsolutePath().toString();
            }
        }
        return null;
    }

    private AuditReport audit() throws Exception {
        RuleCatalog catalog = BuiltInRules.catalog();
        AuditSettings settings = settings(catalog);
        Instant evaluatedAt = at == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : parseInstant(at);
        Map<Path, ReportFormat> files = outputFiles();
        ReportFormat stdoutFormat = files.isEmpty() ? parseFormat(format) : null;
        if (keepPrevious && !files.containsValue(ReportFormat.JSON)) {
            throw new UsageException("--keep-previous keeps the JSON report file a run replaces; add --output "
                    + "json=FILE");
        }

        HostSnapshot snapshot = readHost();
        AuditResult result = new RuleEngine(catalog).run(snapshot, settings, evaluatedAt);
        AuditReport report = new ReportBuilder(VersionProvider.version())
                .build(result, clock.instant().truncatedTo(ChronoUnit.SECONDS));

        for (Map.Entry<Path, ReportFormat> file : files.entrySet()) {
            AtomicFile.Content content = out -> file.getValue().writer().write(report, out);
            if (keepPrevious && file.getValue() == ReportFormat.JSON) {
                AtomicFile.writeKeepingPrevious(file.getKey(), AtomicFile.previousOf(file.getKey()), content);
            } else {
                AtomicFile.write(file.getKey(), content);
            }
        }
        if (stdoutFormat != null) {
            PrintWriter out = spec.commandLine().getOut();
            stdoutFormat.writer().write(report, out);
            out.flush();
        }
        return report;
    }

    private HostSnapshot readHost() throws SourceException, UsageException {
        if (sources.isEmpty()) {
            throw new UsageException("no --source given, and reading the local machine's stores needs Windows "
                    + "(this is " + System.getProperty("os.name") + "). To audit a Windows host from here, export "
                    + "its stores (certutil -store, or Export-Certificate for MY, CA and Root) into a folder with MY, "
                    + "CA and ROOT subfolders and run: certaudit audit --source FOLDER");
        }
        StoreName sstStore = store == null ? null : StoreName.fromAlias(store).orElseThrow(() -> new UsageException(
                "--store " + store + " is not a store; use MY, CA or ROOT"));
        CertificateFileReader reader = new CertificateFileReader(pfxPassword(),
                CertificateFileReader.DEFAULT_MAX_FILE_BYTES);
        List<HostSource> opened = new ArrayList<>();
        for (Path path : sources) {
            opened.add(Sources.open(path, sstStore, reader));
        }
        return Sources.combine(hostName != null ? hostName : Sources.hostNameOf(sources.get(0)), opened);
    }

    private char[] pfxPassword() throws UsageException {
        if (pfxPasswordVariable == null) {
            return null;
        }
        String value = environment.apply(pfxPasswordVariable);
        if (value == null) {
            throw new UsageException("--pfx-password-env names " + pfxPasswordVariable
                    + ", but no such environment variable is set");
        }
        return value.toCharArray();
    }

    private AuditSettings settings(RuleCatalog catalog) throws UsageException {
        ConfigFile file = config == null ? ConfigFile.empty() : ConfigFile.load(config);
        Map<String, Severity> overrides = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        for (Map.Entry<String, String> rule : file.rules().entrySet()) {
            if (catalog.find(rule.getKey()).isEmpty()) {
                throw new UsageException("config file " + config + ": unknown rule '" + rule.getKey()
                        + "' under 'rules:'; 'certaudit rules' lists them");
            }
            String value = String.valueOf(rule.getValue()).trim();
            if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                disabled.add(rule.getKey());
            } else {
                overrides.put(rule.getKey(), Severity.fromLabel(value).orElseThrow(() -> new UsageException(
                        "config file " + config + ": rule '" + rule.getKey() + "' is set to '" + value
                                + "'; use error, warning, info or off")));
            }
        }
        int days = expiryWarningDays != null ? expiryWarningDays
                : file.expiryWarningDays() != null ? file.expiryWarningDays()
                : AuditSettings.DEFAULT_EXPIRY_WARNING_DAYS;
        if (days < 0) {
            throw new UsageException("the expiry warning must be 0 days or more, not " + days);
        }
        return new AuditSettings(poolFqdn != null ? poolFqdn : file.poolFqdn(),
                instanceFqdns.isEmpty() ? file.instanceFqdns() : instanceFqdns,
                gatewayAddress != null ? gatewayAddress : file.gatewayAddress(), days, overrides, disabled);
    }

    private Map<Path, ReportFormat> outputFiles() throws UsageException {
        Map<Path, ReportFormat> files = new LinkedHashMap<>();
        ReportFormat defaultFormat = parseFormat(format);
        for (String output : outputs) {
            int equals = output.indexOf('=');
            ReportFormat chosen = defaultFormat;
            String path = output;
            if (equals > 0) {
                chosen = parseFormat(output.substring(0, equals));
                path = output.substring(equals + 1);
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
        return files;
    }

    private static ReportFormat parseFormat(String name) throws UsageException {
        return ReportFormat.fromLabel(name).orElseThrow(() -> new UsageException("unknown report format '" + name
                + "'; use one of: " + String.join(", ",
                java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::label).toList())));
    }

    static Instant parseInstant(String text) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notADate) {
                throw new UsageException("--at '" + text + "' is not an ISO-8601 instant or date; write "
                        + "2027-01-15T00:00:00Z or 2027-01-15");
            }
        }
    }
}
