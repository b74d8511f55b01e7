package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import io.certaudit.engine.Area;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleInfo;
import picocli.CommandLine.Command;

/**
 * {@code certaudit probe}: the peer half of the audit alone. Probes each peer and judges it with the peer rules;
 * with {@code --source} also against the host's stores (does the host trust the peer, does the peer accept our
 * issuer), without it only what the handshake alone shows.
 */
@Command(name = "probe",
        header = "Probe MTLS peers over TLS: their chain, the CAs they accept, and whether this host trusts them.",
        description = {
            "Opens one TLS connection to each --peer, presents no certificate and sends no data, and reports what "
                + "the peer sent: its chain, the certificate authorities it accepts for client certificates, the "
                + "protocol. With --source, also whether this host trusts the peer and the peer accepts this "
                + "host's issuer; without it, those two rules are not run.",
            ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK: no warning or error finding.",
            "1:WARNING: warnings, no errors (e.g. a peer unreachable).",
            "2:CRITICAL: at least one error.",
            "3:UNKNOWN: the probe could not run (bad usage, no peer given)."})
public final class ProbeCommand extends AuditRun {

    /** Peer rules that need the host's stores: they cannot be judged from the handshake alone. */
    private static final Set<String> NEED_HOST_STORES = Set.of("peer-untrusted", "peer-does-not-accept-issuer");

    /** Rules of another area that judge the peers' chains too: the revocation status, with --check-revocation. */
    private static final Set<String> ALSO_ABOUT_PEERS = Set.of("certificate-revoked", "revocation-status-unavailable");

    ProbeCommand(Platform platform) {
        super(platform);
    }

    @Override
    boolean readsLocalStoresByDefault() {
        return false;
    }

    @Override
    void validate(ConfigFile file, Path configPath) throws UsageException {
        if (peerOptions().addresses(file, configPath).isEmpty()) {
            throw new UsageException("probe needs at least one --peer HOST:PORT (or peers: in the config file)");
        }
    }

    @Override
    Set<String> rulesNotRun(RuleCatalog catalog, boolean sourceGiven) {
        Set<String> notRun = new HashSet<>();
        for (RuleInfo info : catalog.infos()) {
            if (info.area() != Area.PEER && !ALSO_ABOUT_PEERS.contains(info.id())
                    || !sourceGiven && NEED_HOST_STORES.contains(info.id())) {
                notRun.add(info.id());
            }
        }
        return notRun;
    }
}
