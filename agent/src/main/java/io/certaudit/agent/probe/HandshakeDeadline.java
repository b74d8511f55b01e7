package io.certaudit.agent.probe;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket when the whole TLS exchange outlasts its time. A read timeout alone bounds each read, not the
 * handshake: a peer that trickles a byte at a time would hold the probe for as long as it likes.
 */
final class HandshakeDeadline implements AutoCloseable {

    private final long endNanos;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean expired;

    HandshakeDeadline(Socket socket, Duration timeout) {
        this.endNanos = System.nanoTime() + timeout.toNanos();
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (settled.compareAndSet(false, true)) {
                expired = true;
                closeQuietly(socket);
            }
        });
    }

    /** Whether the deadline passed and the socket was closed for it. */
    boolean expired() {
        return expired;
    }

    /** Milliseconds left, at least 1 while the deadline has not passed, 0 after. */
    int remainingMillis() {
        long left = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
        return expired || endNanos - System.nanoTime() <= 0 ? 0 : (int) Math.max(1, Math.min(left, Integer.MAX_VALUE));
    }

    /** The exchange is over: the deadline no longer closes anything. */
    @Override
    public void close() {
        settled.set(true);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The probe reports the timeout; a failure to close a socket already given up on changes nothing.
        }
    }
}
