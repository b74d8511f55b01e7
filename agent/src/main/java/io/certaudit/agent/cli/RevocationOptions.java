package io.certaudit.agent.cli;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.certaudit.agent.revocation.RevocationChecker;
import io.certaudit.agent.revocation.RevocationLimits;
import io.certaudit.agent.revocation.RevocationTargets;
import io.certaudit.engine.AuditSettings;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.RevocationFacts;
import picocli.CommandLine.Option;

/** Whether and how the revocation status of the chains is fetched, shared by {@code audit} and {@code probe}. */
public final class RevocationOptions {

    @Option(names = "--check-revocation",
            description = "Also fetch, over HTTP, the CRLs (delta CRLs included) and OCSP answers named by each "
                    + "certificate of the service chains and of the chains the peers proved, verify each against "
                    + "the issuer at the audit's instant, and report the status: revoked is a finding of "
                    + "certificate-revoked, no verified answer one of revocation-status-unavailable (naming each URL "
                    + "and why). Off by default: the fetches leave the host. Also checkRevocation: true in the "
                    + "settings file.")
    private boolean checkRevocation;

    @Option(names = "--revocation-proxy", paramLabel = "HOST:PORT",
            description = "The HTTP proxy to fetch CRLs and OCSP answers through (default: the JVM's proxy "
                    + "settings, direct when none). Also revocation: proxy: in the settings file.")
    private String proxy;

    @Option(names = "--revocation-max-fetches", paramLabel = "N",
            description = "The most HTTP requests revocation checking makes in a run (default "
                    + RevocationLimits.DEFAULT_MAX_FETCHES + "); each URL is fetched once and never retried, and "
                    + "locations past the limit are reported as not fetched. Also revocation: maxFetches:.")
    private Integer maxFetches;

    /** Whether the user asked for revocation checking, here or in the settings file. */
    boolean enabled(ConfigFile file) {
        return checkRevocation || Boolean.TRUE.equals(file.checkRevocation());
    }

    /** The limits of the run, from the flags, else the settings file, else the defaults; mistakes said first. */
    RevocationLimits limits(ConfigFile file, Path configPath) throws UsageException {
        ConfigFile.Revocation configured = file.revocation();
        int fetches = maxFetches != null ? maxFetches : configured.maxFetches() != null ? configured.maxFetches()
                : RevocationLimits.DEFAULT_MAX_FETCHES;
        if (fetches < 0 || fetches > 1000) {
            throw new UsageException(where(maxFetches == null, configPath, "maxFetches")
                    + "the revocation fetch limit must be between 0 and 1000, not " + fetches);
        }
        Duration timeout = RevocationLimits.DEFAULT_TIMEOUT;
        if (configured.timeoutSeconds() != null) {
            if (configured.timeoutSeconds() < 1 || configured.timeoutSeconds() > 60) {
                throw new UsageException(where(true, configPath, "timeoutSeconds") + "the revocation fetch time "
                        + "limit must be between 1 and 60 seconds, not " + configured.timeoutSeconds());
            }
            timeout = Duration.ofSeconds(configured.timeoutSeconds());
        }
        String proxyText = proxy != null ? proxy : configured.proxy();
        Proxy chosen = null;
        if (proxyText != null) {
            chosen = proxy(proxyText, where(proxy == null, configPath, "proxy"));
        }
        return new RevocationLimits(fetches, timeout, timeout, RevocationLimits.DEFAULT_MAX_RESPONSE_BYTES, chosen);
    }

    /**
     * The revocation facts of {@code snapshot}, fetched within {@code limits}. The chain analysis runs once more
     * for it (the engine runs its own on the snapshot with the facts): only when the user asked for the check.
     */
    static RevocationFacts check(HostSnapshot snapshot, AuditSettings settings, Instant at, RevocationLimits limits) {
        return new RevocationChecker(limits).check(RevocationTargets.of(snapshot, settings, at), at);
    }

    /** {@code HOST:PORT}, optionally written as {@code http://HOST:PORT/}, as an HTTP proxy. */
    private static Proxy proxy(String text, String where) throws UsageException {
        String trimmed = text.trim();
        if (trimmed.regionMatches(true, 0, "http://", 0, 7)) {
            trimmed = trimmed.substring(7);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        PeerAddress address;
        try {
            address = PeerAddress.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + "the revocation proxy '" + text + "' is not HOST:PORT (e.g. "
                    + "proxy.example.com:8080)");
        }
        // Unresolved: the name is looked up when a fetch connects, not while the options are read.
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(address.host(), address.port()));
    }

    private static String where(boolean fromFile, Path configPath, String key) {
        return fromFile ? "config file " + configPath + ": setting 'revocation." + key + "'"
                + ConfigFile.lineOf(configPath, "revocation", key) + ": " : "";
    }
}
