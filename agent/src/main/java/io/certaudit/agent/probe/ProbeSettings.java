package io.certaudit.agent.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one probe.
 *
 * @param connectTimeout   how long looking the name up may take, and then how long the TCP connection may take
 * @param handshakeTimeout how long the TLS exchange may take once connected, including, in TLS 1.3, the wait for
 *                         the peer's answer to our empty client certificate
 */
public record ProbeSettings(Duration connectTimeout, Duration handshakeTimeout) {

    /** Five seconds each: long enough for a distant pool, short enough for a scheduled run. */
    public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    public ProbeSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(handshakeTimeout, "handshake timeout");
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and under 24 days, not " + duration);
        }
    }
}
