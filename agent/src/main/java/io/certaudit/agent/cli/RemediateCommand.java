package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.remediate.CertificateRequest;
import io.certaudit.agent.remediate.KeyProvider;
import io.certaudit.agent.remediate.RemediationFiles;
import io.certaudit.agent.remediate.RemediationPlan;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.model.HostSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code certaudit remediate}: audits as {@code audit} does, then writes a certreq.exe request (INF) for each
 * service certificate whose findings a new certificate fixes, with the commands to run. Runs nothing on the host.
 */
@Command(name = "remediate",
        header = "Write certreq.exe requests (INF) for the certificate that fixes what the audit found.",
        description = {
            "Audits the host as 'certaudit audit' does (same source and settings options). For each service "
                + "certificate with a finding a new certificate fixes (names, key size or algorithm, EKUs, signature "
                + "algorithm, expiry, private key missing, self-signed), or for the configured names when there is "
                + "no service certificate, writes DIR/certreq-THUMBPRINT.inf (certreq-new.inf) requesting the right "
                + "one: CN the pool FQDN (else the gateway address, letter case kept), SAN every configured name, "
                + "Server and Client Authentication, RSA in the machine key set, not exportable, SHA-256, PKCS#10. "
                + "DIR/README.txt gives the three commands to run (certreq -new, submit to the CA, certreq -accept). "
                + "Nothing is run: the files are advice. Findings a new certificate does not fix (chain, Trusted "
                + "Root, access, peers) are left to 'certaudit audit'.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing to request: no finding a new certificate fixes; no file written.",
            "1:requests written: a new certificate is advised; the files are listed.",
            "3:the audit could not run or the files could not be written (bad usage, missing source, no name "
                + "configured to request, unwritable folder)."})
public final class RemediateCommand implements Callable<Integer> {

    /** The exit code when request files were written: something needs doing, as a WARNING does. */
    static final int REQUESTS_WRITTEN = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions sourceOptions = new SourceOptions();

    @Mixin
    private AuditSettingsOptions settingsOptions = new AuditSettingsOptions();

    @Option(names = "--output-dir", paramLabel = "DIR", required = true,
            description = "Folder to write the INF files and README.txt into (created when missing; never a link). "
                    + "Files of the same name are replaced atomically.")
    private Path outputDir;

    @Option(names = "--key-length", paramLabel = "BITS", defaultValue = "" + RemediationPlan.MIN_KEY_LENGTH,
            description = "RSA key length of the requested certificate (default 2048, the size Lync/Skype and "
                    + "Exchange UM recommend; 2048 to 16384).")
    private int keyLength;

    @Option(names = "--key-provider", paramLabel = "PROVIDER", defaultValue = "schannel",
            description = "Where certreq makes the key: schannel (default: Microsoft RSA SChannel Cryptographic "
                    + "Provider, CryptoAPI, ProviderType 12) or ksp (Microsoft Software Key Storage Provider, CNG).")
    private String keyProvider;

    private final Platform platform;
    private final Clock clock;

    RemediateCommand(Platform platform) {
        this.platform = platform;
        this.clock = platform.clock();
    }

    @Override
    public Integer call() throws Exception {
        KeyProvider provider = switch (keyProvider.toLowerCase(Locale.ROOT)) {
            case "schannel" -> KeyProvider.SCHANNEL;
            case "ksp" -> KeyProvider.KSP;
            default -> throw new UsageException("--key-provider " + keyProvider + " is not a provider; use "
                    + "schannel or ksp");
        };
        AuditPipeline pipeline = AuditPipeline.builtIn(VersionProvider.version());
        ConfigFile file = settingsOptions.configFile();
        AuditSettings settings = settingsOptions.settings(pipeline.catalog(), file);
        settingsOptions.notes().forEach(note -> spec.commandLine().getErr().println("certaudit: note: " + note));
        Instant at = settingsOptions.evaluatedAt(clock);
        HostSnapshot host = sourceOptions.read(pipeline, platform, true, file, settingsOptions.config(), at);
        AuditResult result = pipeline.judge(host, settings, at);
        List<CertificateRequest> requests;
        try {
            requests = RemediationPlan.of(result, keyLength, provider);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        if (requests.isEmpty()) {
            out.println("No finding a new certificate fixes on " + host.hostName() + ": no request written.");
            out.flush();
            return ExitCodes.OK;
        }
        List<Path> written = RemediationFiles.write(outputDir, requests);
        out.println("Wrote " + requests.size() + (requests.size() == 1 ? " certificate request" : " certificate "
                + "requests") + " for " + host.hostName() + " (nothing was run; see README.txt):");
        written.forEach(path -> out.println("  " + path));
        out.flush();
        return REQUESTS_WRITTEN;
    }
}
