package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.certaudit.agent.dns.DnsCheck;
import io.certaudit.agent.dns.HostResolver;
import io.certaudit.agent.dns.NameToResolve;
import io.certaudit.agent.eventlog.AuditEvents;
import io.certaudit.agent.eventlog.EventEntry;
import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.remediate.CertreqSteps;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportFormat;
import io.certaudit.agent.source.SourceException;
import io.certaudit.catalog.names.HostNames;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleInfo;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.NameResolution;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code audit} and {@code probe} share: read the host and its peers, run the catalogue, write the report,
 * exit with its status. A subclass chooses which rules run and whether the local machine is read without a source.
 */
abstract class AuditRun implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions sourceOptions = new SourceOptions();

    @Mixin
    private AuditSettingsOptions settingsOptions = new AuditSettingsOptions();

    @Option(names = "--check-dns",
            description = "Also resolve the pool FQDN, each instance FQDN and the gateway address with this "
                    + "machine's resolver (each within 5 s) and report the answers; a name that does not resolve, or "
                    + "not to the addresses the settings file expects (expectedAddresses:), is a finding of "
                    + "fqdn-not-resolvable. Off by default: lookups leave the host. Also checkDns: true in the "
                    + "settings file.")
    private boolean checkDns;

    @Mixin
    private RevocationOptions revocationOptions = new RevocationOptions();

    /** Created by the command line's factory, which knows whether standard output is a terminal. */
    @Mixin
    private ReportOutputOptions output;

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

    @Mixin
    private PeerOptions peerOptions = new PeerOptions();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIME_LIMIT_SECONDS,
            description = "Most time the whole run may take, reading, probing and writing included (default "
                    + DEFAULT_TIME_LIMIT_SECONDS + ", 15 minutes: far beyond a real host, well within the scheduled "
                    + "task's interval). Past it the run ends UNKNOWN (exit 3) with one line and writes no report: "
                    + "a partial audit could call OK what it never read.")
    private int timeLimitSeconds;

    /** The default --time-limit, in seconds. */
    static final int DEFAULT_TIME_LIMIT_SECONDS = 900;

    /** Whether the run may still write its reports: the first of the writer and the time limit to claim it wins. */
    private final AtomicInteger phase = new AtomicInteger(RUNNING);
    private static final int RUNNING = 0;
    private static final int WRITING = 1;
    private static final int ABANDONED = 2;

    private final Platform platform;
    private final Clock clock;
    private final WindowsEventLog events;
    private final String machineName;

    AuditRun(Platform platform) {
        this.platform = platform;
        this.clock = platform.clock();
        this.events = platform.eventLog();
        this.machineName = platform.hostName();
    }

    /** Whether, without --source, the local machine's stores are read (else the host is empty). */
    abstract boolean readsLocalStoresByDefault();

    /** Rules this command does not run, beyond those the config turns off; {@code sourceGiven} tells what was read. */
    abstract Set<String> rulesNotRun(RuleCatalog catalog, boolean sourceGiven);

    /** A chance to refuse options that make no sense for this command. */
    void validate(ConfigFile file, Path configPath) throws UsageException {
    }

    PeerOptions peerOptions() {
        return peerOptions;
    }

    @Override
    public Integer call() throws Exception {
        if (timeLimitSeconds < 1) {
            throw new UsageException("--time-limit must be 1 second or more, not " + timeLimitSeconds);
        }
        if (!eventLog) {
            return auditWithinLimits().exitCode();
        }
        try {
            events.isSourceRegistered();
        } catch (EventLogException e) {
            throw new UsageException("--event-log: " + e.getMessage());
        }
        AuditReport report;
        try {
            report = auditWithinLimits();
        } catch (UsageException | SourceException | OutputException | RunAbortedException e) {
            report(AuditEvents.failure(sourceOptions.hostName() != null ? sourceOptions.hostName() : machineName,
                    e.getMessage()));
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
        for (Map.Entry<Path, ReportFormat> file : output.files().entrySet()) {
            if (file.getValue() == ReportFormat.JSON) {
                return file.getKey().toAbsolutePath().toString();
            }
        }
        return null;
    }

    /**
     * Runs the audit on a thread of its own and waits at most the time limit for it. Parsers and handshakes do not
     * stop when asked, so at the limit the run gives the audit up (a daemon thread, ended with the JVM) unless it has
     * already begun writing its reports, which it then finishes: a report is either the whole audit or not written.
     * An OutOfMemoryError on the audit's thread ends the run as one line, exit 3.
     */
    private AuditReport auditWithinLimits() throws Exception {
        CompletableFuture<AuditReport> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(audit());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "certaudit-audit");
        worker.setDaemon(true);
        worker.start();
        try {
            try {
                return result.get(timeLimitSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (phase.compareAndSet(RUNNING, ABANDONED)) {
                    throw new RunAbortedException("the run did not finish within its time limit of "
                            + timeLimitSeconds + " s (--time-limit) and wrote no report; the audit was still "
                            + "running: a peer, a source or the host is slower than expected");
                }
                return result.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                throw RunAbortedException.outOfMemory();
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunAbortedException("the run was interrupted");
        }
    }

    private AuditReport audit() throws Exception {
        AuditPipeline pipeline = AuditPipeline.builtIn(VersionProvider.version());
        RuleCatalog catalog = pipeline.catalog();
        ConfigFile file = settingsOptions.configFile();
        validate(file, settingsOptions.config());
        AuditSettings settings = settingsOptions.settings(catalog, file);
        settingsOptions.notes().forEach(note -> spec.commandLine().getErr().println("certaudit: note: " + note));
        Set<String> notRun = new HashSet<>(settings.disabledRules());
        notRun.addAll(rulesNotRun(catalog, sourceOptions.given()));
        Map<String, String> notRunReasons = sourceOptions.capturesGiven()
                ? needTheCapturedMachine(catalog, file) : Map.of();
        notRunReasons.keySet().stream().filter(rule -> !notRun.contains(rule)).forEach(notRun::add);
        settings = settings.withDisabledRules(notRun);
        Instant evaluatedAt = settingsOptions.evaluatedAt(clock);
        output.validate();
        // Said before anything is read or fetched, and even when the check is off: a misspelt proxy is a mistake.
        var revocationLimits = revocationOptions.limits(file, settingsOptions.config());
        if (keepPrevious && !output.files().containsValue(ReportFormat.JSON)) {
            throw new UsageException("--keep-previous keeps the JSON report file a run replaces; add --output "
                    + "json=FILE");
        }

        // With --check-revocation the live source has Windows' chain engine check revocation too, to compare.
        HostSnapshot host = sourceOptions.read(pipeline, platform, readsLocalStoresByDefault(), file,
                settingsOptions.config(), evaluatedAt, revocationOptions.enabled(file));
        HostSnapshot.Builder withPeers = HostSnapshot.builder(host.hostName(), host.source()).addAll(host);
        peerOptions.probe(file, settingsOptions.config()).forEach(withPeers::peer);
        if (checkDns || Boolean.TRUE.equals(file.checkDns())) {
            withPeers.nameResolutions(new DnsCheck(HostResolver.SYSTEM, DnsCheck.DEFAULT_LOOKUP_LIMIT)
                    .resolveAll(namesToResolve(settings, file)));
        }
        if (revocationOptions.enabled(file)) {
            // Checked once the peers are in: their proven chains are checked beside the service chains.
            withPeers.revocation(RevocationOptions.check(withPeers.build(), settings, evaluatedAt, revocationLimits));
        }
        HostSnapshot snapshot = withPeers.build();
        // Findings a new certificate fixes name the request certaudit remediate writes and the commands that use it.
        AuditReport report = pipeline.report(CertreqSteps.inRemediations(pipeline.judge(snapshot, settings,
                evaluatedAt)), clock.instant().truncatedTo(ChronoUnit.SECONDS), notRunReasons);

        if (!phase.compareAndSet(RUNNING, WRITING)) {
            // The time limit passed and the run already said so: write nothing the user was told is not there.
            throw new RunAbortedException("the time limit passed");
        }
        output.write(report, spec.commandLine().getOut(), keepPrevious);
        return report;
    }

    /**
     * What a capture cannot give, by rule: the handshakes with the TLS peers and the DNS answers, which depend on the
     * network of the machine the capture was made on. Asked for explicitly (--peer, --check-dns), they run from here
     * and judge what this machine sees.
     */
    private Map<String, String> needTheCapturedMachine(RuleCatalog catalog, ConfigFile file) throws UsageException {
        Map<String, String> reasons = new HashMap<>();
        boolean peersGiven = !peerOptions.addresses(file, settingsOptions.config()).isEmpty();
        boolean dnsAsked = checkDns || Boolean.TRUE.equals(file.checkDns());
        for (RuleInfo info : catalog.infos()) {
            if (info.area() == Area.PEER && !peersGiven) {
                reasons.put(info.id(), "a capture holds no TLS handshake: the peers must be probed from the captured "
                        + "host's network (certaudit probe --peer HOST:PORT on that host)");
            } else if (info.id().equals("fqdn-not-resolvable") && !dnsAsked) {
                reasons.put(info.id(), "a capture holds no DNS answers: the names must be resolved by the captured "
                        + "host's resolver (certaudit audit --check-dns on that host)");
            }
        }
        return reasons;
    }

    /**
     * The configured names, each once (DNS names are case-insensitive), with the addresses the settings file expects
     * for it. An expected address that is no address literal, or one listed for a name the audit does not resolve,
     * is a mistake in the file, said before anything is looked up.
     */
    private List<NameToResolve> namesToResolve(AuditSettings settings, ConfigFile file) throws UsageException {
        Map<String, List<String>> expected = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : file.expectedAddresses().entrySet()) {
            List<String> literals = new ArrayList<>();
            for (String address : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                String literal = DnsCheck.normalizeLiteral(address);
                if (literal == null) {
                    throw new UsageException("config file " + settingsOptions.config() + ": expectedAddresses of "
                            + entry.getKey() + ": '" + address + "' is not an IPv4 or IPv6 address");
                }
                literals.add(literal);
            }
            expected.put(entry.getKey().toLowerCase(java.util.Locale.ROOT), literals);
        }
        Map<String, NameToResolve> names = new java.util.LinkedHashMap<>();
        if (settings.poolFqdn() != null) {
            names.putIfAbsent(settings.poolFqdn().toLowerCase(java.util.Locale.ROOT), new NameToResolve(
                    settings.poolFqdn(), NameResolution.Role.POOL, null));
        }
        for (String instance : settings.instanceFqdns()) {
            names.putIfAbsent(instance.toLowerCase(java.util.Locale.ROOT), new NameToResolve(instance,
                    NameResolution.Role.INSTANCE, null));
        }
        if (settings.gatewayAddress() != null) {
            names.putIfAbsent(settings.gatewayAddress().toLowerCase(java.util.Locale.ROOT), new NameToResolve(
                    settings.gatewayAddress(), NameResolution.Role.GATEWAY, null));
        }
        for (String name : expected.keySet()) {
            if (!names.containsKey(name)) {
                throw new UsageException("config file " + settingsOptions.config() + ": expectedAddresses names " + name
                        + ", which is not the pool FQDN, an instance FQDN or the gateway address");
            }
        }
        List<NameToResolve> resolve = new ArrayList<>();
        names.forEach((key, name) -> resolve.add(new NameToResolve(name.name(), name.role(), expected.get(key))));
        return resolve;
    }

}
