package io.certaudit.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

/** Peers that cannot be observed: each failure has its kind and words, and the probe never hangs. */
class PeerProbeFailureTest {

    /** Short bounds: the servers below never answer in time, so a test takes about this long, not longer. */
    private static final ProbeSettings SHORT = new ProbeSettings(Duration.ofMillis(500), Duration.ofMillis(500));

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() {
        // RFC 2606 reserves .invalid: no resolver ever answers it.
        PeerObservation seen = new PeerProbe(SHORT).probe(new PeerAddress("certaudit-peer.invalid", 5061));

        assertEquals(PeerFailure.DNS, seen.failure());
        assertTrue(seen.failureMessage().contains("certaudit-peer.invalid"), seen.failureMessage());
        assertNull(seen.resolvedAddress());
        assertFalse(seen.reached());
    }

    @Test
    void aResolverThatNeverAnswersIsADnsFailureWithinTheConnectTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        HostResolver silent = host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        };

        PeerObservation seen = new PeerProbe(SHORT, silent).probe(new PeerAddress("pool.contoso.com", 5061));
        never.countDown();

        assertEquals(PeerFailure.DNS, seen.failure());
        assertTrue(seen.failureMessage().contains("no DNS answer for pool.contoso.com within 500 ms"),
                seen.failureMessage());
    }

    @Test
    void aPortNobodyListensOnIsRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        PeerObservation seen = new PeerProbe(SHORT).probe(new PeerAddress("127.0.0.1", port));

        assertEquals(PeerFailure.REFUSED, seen.failure());
        assertEquals("127.0.0.1", seen.resolvedAddress());
        assertTrue(seen.failureMessage().contains("127.0.0.1:" + port), seen.failureMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RawServer server = new RawServer(socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream()))) {
            PeerObservation seen = probe(server);

            assertEquals(PeerFailure.TIMEOUT, seen.failure());
            assertTrue(seen.failureMessage().contains("500 ms"), seen.failureMessage());
        }
    }

    @Test
    void aServerThatKeepsTricklingBytesIsCutOffAtTheHandshakeDeadline() throws Exception {
        // A record header announcing 16 KB, then a byte every 50 ms for 5 s: every read returns well within the
        // read timeout, so only the deadline on the whole exchange makes the probe hang up before the drip ends.
        AtomicBoolean hungUpOnMidDrip = new AtomicBoolean();
        CountDownLatch dripOver = new CountDownLatch(1);
        try (RawServer server = new RawServer(socket -> {
            try {
                RawServer.readClientHello(socket);
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                for (int i = 0; i < 100; i++) {
                    out.write(0);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                hungUpOnMidDrip.set(true);
            } finally {
                dripOver.countDown();
            }
        })) {
            PeerObservation seen = probe(server);
            assertTrue(dripOver.await(20, TimeUnit.SECONDS), "the drip never ended");

            assertEquals(PeerFailure.TIMEOUT, seen.failure(), seen.failureMessage());
            assertTrue(hungUpOnMidDrip.get(), "the probe waited for the whole drip");
        }
    }

    @Test
    void aServerThatHangsUpAfterTheClientHelloClosedTheConnection() throws Exception {
        try (RawServer server = new RawServer(RawServer::readClientHello)) {
            PeerObservation seen = probe(server);

            assertEquals(PeerFailure.CLOSED, seen.failure(), seen.failureMessage());
        }
    }

    @Test
    void aServerThatResetsTheConnectionMidHandshakeClosedIt() throws Exception {
        try (RawServer server = new RawServer(socket -> {
            RawServer.readClientHello(socket);
            socket.setSoLinger(true, 0);
        })) {
            PeerObservation seen = probe(server);

            assertEquals(PeerFailure.CLOSED, seen.failure(), seen.failureMessage());
        }
    }

    @Test
    void aServerThatAnswersWithAnAlertIsATlsAlert() throws Exception {
        // A fatal handshake_failure alert record (RFC 8446, B.2: level 2, description 40).
        try (RawServer server = new RawServer(socket -> {
            RawServer.readClientHello(socket);
            socket.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        })) {
            PeerObservation seen = probe(server);

            assertEquals(PeerFailure.TLS_ALERT, seen.failure(), seen.failureMessage());
            assertTrue(seen.failureMessage().contains("handshake_failure"), seen.failureMessage());
            assertFalse(seen.clientCertificateRequested());
            assertEquals(Tristate.UNKNOWN, seen.clientCertificateRequired());
        }
    }

    private static PeerObservation probe(RawServer server) {
        return new PeerProbe(SHORT).probe(new PeerAddress("localhost", server.port()));
    }
}
