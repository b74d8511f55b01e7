package io.certaudit.agent.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import io.certaudit.model.PeerFailure;

/**
 * Why a probe stopped, told from the exception the JDK threw. Kinds come from exception types in the cause chain,
 * never from message text, which differs between JDK releases; the message is kept for the user to read.
 */
record ProbeFailure(PeerFailure kind, String message) {

    /** A failure to open the TCP connection to {@code target}. */
    static ProbeFailure ofConnect(IOException error, String target, Duration timeout) {
        if (error instanceof SocketTimeoutException) {
            return new ProbeFailure(PeerFailure.TIMEOUT, "no TCP connection to " + target + " within " + words(timeout));
        }
        if (error instanceof ConnectException) {
            return new ProbeFailure(PeerFailure.REFUSED, target + " refused the connection: nothing listens there,"
                    + " or a firewall rejects it (" + reason(error) + ")");
        }
        return new ProbeFailure(PeerFailure.NETWORK, "cannot reach " + target + ": " + reason(error));
    }

    /** A failure once connected, during the handshake; {@code deadlinePassed} when the probe itself gave up. */
    static ProbeFailure ofHandshake(IOException error, boolean deadlinePassed, Duration timeout) {
        if (deadlinePassed || has(error, SocketTimeoutException.class)) {
            return new ProbeFailure(PeerFailure.TIMEOUT, "no complete TLS handshake within " + words(timeout));
        }
        if (has(error, EOFException.class) || (!(error instanceof SSLException) && has(error, SocketException.class))) {
            return new ProbeFailure(PeerFailure.CLOSED,
                    "the peer closed the connection during the TLS handshake (" + reason(error) + ")");
        }
        if (error instanceof SSLException) {
            return new ProbeFailure(PeerFailure.TLS_ALERT, "the TLS handshake failed: " + reason(error));
        }
        return new ProbeFailure(PeerFailure.NETWORK, "the connection failed during the TLS handshake: " + reason(error));
    }

    /** Whether the peer ended the handshake itself, with an alert or by closing, rather than falling silent. */
    boolean endsHandshake() {
        return kind == PeerFailure.TLS_ALERT || kind == PeerFailure.CLOSED;
    }

    /** {@code 5 s}, or {@code 250 ms} below a whole second. */
    static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> kind) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
