package io.certaudit.agent.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.certaudit.agent.capture.CaptureFile;
import io.certaudit.agent.capture.CaptureSource;
import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.pipeline.Sources;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.SourceLimits;
import io.certaudit.agent.windows.ServiceAccountSelection;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import picocli.CommandLine.Option;

/** What to read: the {@code --source} options shared by {@code audit} and {@code probe}. */
public final class SourceOptions {

    @Option(names = "--source", paramLabel = "[STORE=]PATH",
            description = "What to audit: a folder holding the host's stores as MY, CA and ROOT subfolders (also "
                    + "Personal, Intermediate, Root, Trusted Root) of PEM, DER, PKCS#7 (.p7b), PFX files; a "
                    + "serialized store (.sst); a registry export (.reg) of stores, of the SCHANNEL key "
                    + "(HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL) or of the Windows "
                    + "version (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion); or a capture made with "
                    + "'certaudit capture' (.capture). STORE= names the store the "
                    + "source holds: an .sst (ROOT=export-2026.sst), a folder of one store's files or a single "
                    + "certificate, .p7b or PFX file (CA=chain.p7b). Repeat to combine several into one host. "
                    + "Without it, audit reads this machine's stores (Windows only) and probe reads none, judging only "
                    + "what the handshakes show.")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--store", paramLabel = "STORE",
            description = "The store (MY, CA, ROOT, Disallowed or ClientAuthIssuer) of the .sst sources given without "
                    + "STORE=; without "
                    + "either, the file name must name the store (root.sst, root-2026.sst, CA_export.sst, "
                    + "Personal.sst, Disallowed.sst...).")
    private String store;

    @Option(names = "--host-name", paramLabel = "NAME",
            description = "The host's name in the report (default: the source folder's name, or the name of the "
                    + "folder the source file is in).")
    private String hostName;

    @Option(names = "--service-name", paramLabel = "NAME",
            description = "Live Windows audit: the Windows service (e.g. the BEMS service) whose logon account "
                    + "must read the keys and stores. Also serviceName: in the config file.")
    private String serviceName;

    @Option(names = "--service-account", paramLabel = "DOMAIN\\USER",
            description = "Live Windows audit: the account whose read access to keys and stores is checked "
                    + "(LocalSystem, NT AUTHORITY\\NetworkService, NT SERVICE\\name, DOMAIN\\gmsa$...). Also "
                    + "serviceAccount: in the config file.")
    private String serviceAccount;

    @Option(names = "--pfx-password-env", paramLabel = "VARIABLE",
            description = "Name of the environment variable holding the password of .pfx/.p12 files in the "
                    + "source (default: try an empty password). The password is never printed.")
    private String pfxPasswordVariable;

    @Option(names = "--max-file-bytes", paramLabel = "SIZE",
            description = "Largest certificate file the source reads, e.g. 16M (the default) or 64MiB; larger files "
                    + "are reported as unreadable, not read. A .sst export may be 4 times this size, a .reg 16 times.")
    private String maxFileBytes;

    @Option(names = "--max-entries", paramLabel = "N",
            description = "Most entries (certificates and unreadable items) the source takes in (default 100000); "
                    + "past it the audit reports the limit and reads no more.")
    private Integer maxEntries;

    /** The host name given with --host-name, or {@code null}. */
    String hostName() {
        return hostName;
    }

    /** Whether any {@code --source} was given. */
    boolean given() {
        return !sources.isEmpty();
    }

    /** Whether any {@code --source} is a capture: what needs the captured machine itself is not in it. */
    boolean capturesGiven() {
        for (String given : sources) {
            int equals = given.indexOf('=');
            if (CaptureFile.isCapture(Path.of(given))
                    || equals > 0 && CaptureFile.isCapture(Path.of(given.substring(equals + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the sources into one host. Without any: the local machine's stores when {@code localByDefault} (which
     * needs Windows; elsewhere the message says how to audit an export); otherwise an empty host named after this
     * machine.
     */
    HostSnapshot read(AuditPipeline pipeline, Platform platform, boolean localByDefault, ConfigFile config,
                      Path configPath, Instant at)
            throws SourceException, UsageException {
        return read(pipeline, platform, localByDefault, config, configPath, at, false);
    }

    /**
     * As {@link #read(AuditPipeline, Platform, boolean, ConfigFile, Path, Instant)}, with the Windows chain engine of
     * the live source asked to check revocation too when {@code chainChecksRevocation}.
     */
    HostSnapshot read(AuditPipeline pipeline, Platform platform, boolean localByDefault, ConfigFile config,
                      Path configPath, Instant at, boolean chainChecksRevocation)
            throws SourceException, UsageException {
        if (hostName != null && hostName.isBlank()) {
            throw new UsageException("--host-name is empty; give the name the report should show, or leave "
                    + "--host-name out to use the source folder's name");
        }
        if (sources.isEmpty()) {
            if (!localByDefault) {
                return HostSnapshot.builder(hostName != null ? hostName : localHostName(), AuditReport.NO_SOURCE).build();
            }
            ServiceAccountSelection account = new ServiceAccountSelection(
                    serviceName != null ? serviceName : config.serviceName(),
                    serviceAccount != null ? serviceAccount : config.serviceAccount());
            HostSnapshot local = pipeline.read(platform.liveStores().open(account, at, chainChecksRevocation));
            return hostName == null ? local
                    : HostSnapshot.builder(hostName, local.source()).addAll(local).build();
        }
        if (serviceName != null || serviceAccount != null) {
            throw new UsageException("--service-name and --service-account apply to the live Windows audit; an "
                    + "exported copy (--source) holds no access rights to check");
        }
        StoreName sstStore = store == null ? null : StoreName.fromAlias(store).orElseThrow(() -> new UsageException(
                "--store " + store + " is not a store; use MY, CA, ROOT, Disallowed or ClientAuthIssuer"));
        CertificateFileReader reader = new CertificateFileReader(pfxPassword(platform.environment()),
                limits(config.limits(), configPath));
        List<HostSource> opened = new ArrayList<>();
        Path first = null;
        boolean firstIsCapture = false;
        for (String given : sources) {
            Optional<StoreName> storeOfSource = storeOf(given);
            Path path = Path.of(storeOfSource.isPresent() ? given.substring(given.indexOf('=') + 1) : given);
            boolean capture = CaptureFile.isCapture(path);
            if (first == null) {
                first = path;
                firstIsCapture = capture;
            }
            if (capture && storeOfSource.isPresent()) {
                throw new UsageException("--source " + given + ": a capture names the store of each certificate "
                        + "itself; give it without " + given.substring(0, given.indexOf('=') + 1));
            }
            opened.add(capture ? new CaptureSource(path, reader.limits().maxEntries())
                    : Sources.open(path, storeOfSource.orElse(sstStore), storeOfSource.isPresent(), reader));
        }
        // A capture knows the name of the host it was made on; a folder or export only suggests one by its path.
        return pipeline.read(hostName != null ? hostName : firstIsCapture ? null : Sources.hostNameOf(first),
                opened);
    }

    /**
     * The store a {@code --source STORE=PATH} names; empty for a plain path. A word before {@code =} that is no store
     * is a mistake unless the whole text is an existing path (a folder may have {@code =} in its name).
     */
    private static Optional<StoreName> storeOf(String given) throws UsageException {
        int equals = given.indexOf('=');
        if (equals <= 0 || !STORE_PREFIX.matcher(given.substring(0, equals)).matches()) {
            return Optional.empty();
        }
        Optional<StoreName> store = StoreName.fromAlias(given.substring(0, equals));
        if (store.isEmpty() && !java.nio.file.Files.exists(Path.of(given))) {
            throw new UsageException("--source " + given + ": '" + given.substring(0, equals) + "' is not a store; "
                    + "use MY, CA, ROOT, Disallowed or ClientAuthIssuer (as in --source ROOT=export.sst)");
        }
        return store;
    }

    /** What may stand before {@code =} as a store's name: letters, blanks, {@code _} and {@code -}. */
    private static final java.util.regex.Pattern STORE_PREFIX = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z _-]*");

    /** Flags over the config file over the defaults. */
    private SourceLimits limits(ConfigFile.Limits file, Path configPath) throws UsageException {
        long bytes = SourceLimits.DEFAULT_MAX_FILE_BYTES;
        String size = maxFileBytes != null ? maxFileBytes : file.maxFileBytes();
        if (size != null) {
            bytes = ByteSize.parse(size);
            if (bytes < 1) {
                throw new UsageException(fromFile(maxFileBytes == null, configPath, "maxFileBytes") + "the file size limit '" + size + "' is not a size of at least one byte; "
                        + "write e.g. 16777216, 16M or 16MiB");
            }
        }
        int entries = maxEntries != null ? maxEntries
                : file.maxEntries() != null ? file.maxEntries() : SourceLimits.DEFAULT_MAX_ENTRIES;
        if (entries < 1) {
            throw new UsageException(fromFile(maxEntries == null, configPath, "maxEntries") + "the entry limit must be 1 or more, not " + entries);
        }
        return new SourceLimits(bytes, entries);
    }

    /** "config file F: setting 'limits.KEY' (line N): " when the value came from the file, else "". */
    private static String fromFile(boolean fromFile, Path configPath, String key) {
        return fromFile && configPath != null ? "config file " + configPath + ": setting 'limits." + key + "'"
                + ConfigFile.lineOf(configPath, "limits", key) + ": " : "";
    }

    private char[] pfxPassword(Function<String, String> environment) throws UsageException {
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

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
