package io.certaudit.agent.revocation;

import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;

/**
 * How much revocation checking may do in one run. Every location is hostile input (anyone who can issue a
 * certificate names them, and a peer chooses its chain): each fetch has a time and size bound, each URL is fetched
 * once, and the run makes a bounded number of fetches.
 *
 * @param maxFetches       the most HTTP requests the run makes; locations past it are reported as not fetched
 * @param connectTimeout   the longest a connection may take to open
 * @param readTimeout      the longest one fetch may take once connected, the whole answer included
 * @param maxResponseBytes the largest answer read; a larger one is refused before it is parsed
 * @param proxy            the HTTP proxy to fetch through, or {@code null} for the JVM's proxy selector
 *                         ({@code -Dhttp.proxyHost}, {@code -Djava.net.useSystemProxies=true}; direct by default)
 */
public record RevocationLimits(int maxFetches, Duration connectTimeout, Duration readTimeout, int maxResponseBytes,
                               Proxy proxy) {

    /** Fetches a run makes at most by default: a service chain and a few peers' chains, each with a CRL and OCSP. */
    public static final int DEFAULT_MAX_FETCHES = 32;

    /**
     * The default connect bound and read bound, each: with the default fetch limit a run spends at most about five
     * minutes fetching, well within the run's default time limit.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The largest CRL read by default: large public CAs publish CRLs of a few MB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    public RevocationLimits {
        if (maxFetches < 0) {
            throw new IllegalArgumentException("the fetch limit cannot be negative: " + maxFetches);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("the response size limit must be positive: " + maxResponseBytes);
        }
    }

    /** The defaults, fetching through {@code proxy} ({@code null}: the JVM's proxy selector). */
    public static RevocationLimits defaults(Proxy proxy) {
        return new RevocationLimits(DEFAULT_MAX_FETCHES, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
                proxy);
    }
}
