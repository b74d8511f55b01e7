package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.certaudit.agent.probe.PeerProbe;
import io.certaudit.agent.probe.ProbeSettings;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import picocli.CommandLine.Option;

/** The MTLS peers to probe, shared by {@code audit} and {@code probe}. */
public final class PeerOptions {

    @Option(names = "--peer", paramLabel = "HOST:PORT",
            description = "An MTLS peer to probe over TLS (the Lync/Skype pool or front end, e.g. "
                    + "pool.example.com:5061; [v6]:port for IPv6); repeat for several. One handshake each, "
                    + "presenting no certificate and sending no data.")
    private List<String> peers = new ArrayList<>();

    @Option(names = "--peer-timeout", paramLabel = "SECONDS",
            description = "Connect and handshake time limit per peer, each (default 5).")
    private Integer timeoutSeconds;

    /** The peers of the command line, or those of the config file when none is given there. */
    Set<PeerAddress> addresses(ConfigFile config, Path configPath) throws UsageException {
        Set<PeerAddress> addresses = new LinkedHashSet<>();
        for (String peer : peers.isEmpty() ? config.peers() : peers) {
            try {
                addresses.add(PeerAddress.parse(peer));
            } catch (IllegalArgumentException e) {
                throw new UsageException((peers.isEmpty() ? "config file " + configPath + ": setting 'peers'"
                        + ConfigFile.lineOf(configPath, "peers") + ": " : "") + e.getMessage());
            }
        }
        return addresses;
    }

    /** Probes every peer once; an unreachable peer is an observation, not an error. */
    List<PeerObservation> probe(ConfigFile config, Path configPath) throws UsageException {
        Set<PeerAddress> addresses = addresses(config, configPath);
        if (addresses.isEmpty()) {
            return List.of();
        }
        int seconds = timeoutSeconds != null ? timeoutSeconds
                : config.peerTimeoutSeconds() != null ? config.peerTimeoutSeconds() : 5;
        if (seconds < 1 || seconds > 300) {
            throw new UsageException((timeoutSeconds == null ? "config file " + configPath + ": setting "
                    + "'peerTimeoutSeconds'" + ConfigFile.lineOf(configPath, "peerTimeoutSeconds") + ": " : "")
                    + "the peer time limit must be between 1 and 300 seconds, not " + seconds);
        }
        Duration limit = Duration.ofSeconds(seconds);
        return new PeerProbe(new ProbeSettings(limit, limit)).probeAll(addresses);
    }
}
