package io.certaudit.agent.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one probe.
 *
 * @param connectTimeout   how long looking the name up may take, and then how long the TCP connection may take
 * @param handshakeTimeout how long the TLS exchange may take once connected, including, in TLS 1.3, the wait for
 *                         the peer's answer to our empty client certificate
 * @param verdictWait      of that time, how long to wait, after a TLS 1.3 handshake in which the peer asked for a
 *                         client certificate, for its verdict on our empty one: an alert comes at once from a peer
 *                         that insists, nothing from one that goes on without, so silence until then means "not
 *                         required"; never longer than what is left of the handshake timeout
 */
public record ProbeSettings(Duration connectTimeout, Duration handshakeTimeout, Duration verdictWait) {

    /** Five seconds each: long enough for a distant pool, short enough for a scheduled run. */
    public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    public ProbeSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(handshakeTimeout, "handshake timeout");
        requirePositive(verdictWait, "verdict wait");
    }

    /** Bounds whose verdict wait is whatever is left of the handshake timeout. */
    public ProbeSettings(Duration connectTimeout, Duration handshakeTimeout) {
        this(connectTimeout, handshakeTimeout, handshakeTimeout);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and under 24 days, not " + duration);
        }
    }
}
