package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import io.certaudit.agent.capture.CaptureFile;
import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.model.HostSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code certaudit capture}: reads a host as {@code audit} would and writes everything the source saw into one
 * capture file, to be audited anywhere later with {@code certaudit audit --source FILE.capture}.
 */
@Command(name = "capture",
        header = "Save everything the audit reads from a host into one file, to audit it elsewhere.",
        description = {
            "Reads the stores as 'audit' does (this machine's, or an exported copy with --source) and writes one "
                + "capture file: every certificate with its store and properties, the private key facts (never the "
                + "key), the service account's access, the Windows chain engine's verdicts, the user stores read, "
                + "and the SCHANNEL settings and Windows version where the source read them, sealed with a SHA-256 "
                + "digest. 'certaudit audit --source FILE.capture' audits it on any "
                + "OS. Nothing is judged here.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The capture was written.",
            "3:It could not be (bad usage, missing source, unwritable output)."})
public final class CaptureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--output", paramLabel = "FILE", required = true,
            description = "The capture file to write (written atomically), e.g. bems01.capture.")
    private Path output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file; only serviceName, serviceAccount and limits are used here (the "
                    + "audit's other settings are given where the capture is audited).")
    private Path config;

    @Mixin
    private SourceOptions sourceOptions = new SourceOptions();

    private final Platform platform;
    private final Clock clock;

    CaptureCommand(Platform platform) {
        this.platform = platform;
        this.clock = platform.clock();
    }

    @Override
    public Integer call() throws Exception {
        ConfigFile file = config == null ? ConfigFile.empty() : ConfigFile.load(config);
        HostSnapshot host = sourceOptions.read(AuditPipeline.builtIn(VersionProvider.version()), platform, true,
                file, config, null);
        CaptureFile.write(output, host, new CaptureFile.Maker(VersionProvider.version(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), System.getProperty("os.name"),
                System.getProperty("os.version")));
        spec.commandLine().getOut().println("Wrote " + output + ": " + host.certificates().size()
                + " certificate(s) of " + host.hostName() + ", " + host.problems().size() + " problem(s). It holds no "
                + "private key. Audit it with: certaudit audit --source " + output);
        return ExitCodes.OK;
    }
}
