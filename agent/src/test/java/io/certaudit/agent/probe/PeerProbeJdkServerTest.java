package io.certaudit.agent.probe;

import static io.certaudit.agent.probe.PeerPki.OUR_ROOT;
import static io.certaudit.agent.probe.PeerPki.PEER_INTERMEDIATE;
import static io.certaudit.agent.probe.PeerPki.PEER_LEAF;
import static io.certaudit.agent.probe.PeerPki.UNRELATED_ROOT;
import static io.certaudit.agent.probe.PeerPki.subject;
import static io.certaudit.agent.probe.PeerPki.thumbprint;
import static io.certaudit.agent.probe.PeerPki.x509;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.agent.probe.JdkTlsServer.ClientAuth;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki.Issued;

/** The probe against the JDK's own TLS server: what it records, and what it never does. */
class PeerProbeJdkServerTest {

    private static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(3));
    /**
     * For a server that only requests a client certificate: after a TLS 1.3 handshake the probe waits for a verdict
     * that such a server never sends, so the test keeps that wait short rather than paying the whole deadline; a
     * server that insists answers at once and is probed with {@link #SETTINGS}.
     */
    private static final ProbeSettings ONLY_REQUESTED = new ProbeSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofMillis(200));
    private static final Comparator<X500Principal> BY_NAME = Comparator.comparing(X500Principal::getName);

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void recordsChainProtocolAndSuiteOfAServerThatAsksNoCertificate(String protocol) throws Exception {
        try (JdkTlsServer server = server(protocol, ClientAuth.NONE, true, OUR_ROOT)) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(protocol, seen.protocol());
            assertNotNull(seen.cipherSuite());
            assertEquals(List.of(thumbprint(PEER_LEAF), thumbprint(PEER_INTERMEDIATE)), seen.thumbprints());
            assertEquals(x509(PEER_LEAF), seen.chain().get(0));
            assertFalse(seen.clientCertificateRequested());
            assertNull(seen.acceptableIssuers());
            assertEquals(Tristate.UNKNOWN, seen.clientCertificateRequired());
            assertEquals("127.0.0.1", seen.resolvedAddress());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void recordsTheIssuersOfAServerThatRequiresACertificateAndThatItEnforcesIt(String protocol) throws Exception {
        try (JdkTlsServer server = server(protocol, ClientAuth.NEED, true, OUR_ROOT, UNRELATED_ROOT)) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(protocol, seen.protocol());
            assertNotNull(seen.cipherSuite());
            assertTrue(seen.clientCertificateRequested());
            assertEquals(sorted(List.of(subject(OUR_ROOT), subject(UNRELATED_ROOT))),
                    sorted(seen.acceptableIssuers()));
            assertEquals(Tristate.YES, seen.clientCertificateRequired());
            assertEquals(List.of(thumbprint(PEER_LEAF), thumbprint(PEER_INTERMEDIATE)), seen.thumbprints());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void tellsAServerThatOnlyRequestsACertificateFromOneThatRequiresIt(String protocol) throws Exception {
        try (JdkTlsServer server = server(protocol, ClientAuth.WANT, true, UNRELATED_ROOT)) {
            PeerObservation seen = probe(server, ONLY_REQUESTED);

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(List.of(subject(UNRELATED_ROOT)), seen.acceptableIssuers());
            assertEquals(Tristate.NO, seen.clientCertificateRequired());
        }
    }

    @Test
    void recordsOnlyTheLeafWhenTheServerSendsNoIntermediate() throws Exception {
        try (JdkTlsServer server = server("TLSv1.2", ClientAuth.NEED, false, OUR_ROOT)) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(List.of(thumbprint(PEER_LEAF)), seen.thumbprints());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void presentsNoCertificateSendsNoApplicationDataAndNamesTheHostInSni(String protocol) throws Exception {
        try (JdkTlsServer server = server(protocol, ClientAuth.WANT, true, OUR_ROOT)) {
            probe(server, ONLY_REQUESTED);
            server.awaitFirstConnection();

            assertEquals(List.of(false), server.clientCertificates());
            assertEquals(0, server.applicationBytes());
            assertEquals(List.of("localhost"), server.serverNames());
        }
    }

    @Test
    void sendsNoSniForAnIpAddress() throws Exception {
        try (JdkTlsServer server = server("TLSv1.3", ClientAuth.NONE, true)) {
            PeerObservation seen = new PeerProbe(SETTINGS).probe(new PeerAddress("127.0.0.1", server.port()));
            server.awaitFirstConnection();

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(List.of(), server.serverNames());
        }
    }

    @Test
    void connectsOncePerPeerHoweverOftenItIsNamed() throws Exception {
        try (JdkTlsServer server = server("TLSv1.2", ClientAuth.NONE, true)) {
            PeerAddress peer = new PeerAddress("localhost", server.port());
            List<PeerObservation> seen = new PeerProbe(SETTINGS).probeAll(List.of(peer, PeerAddress.parse(peer.toString())));
            server.awaitFirstConnection();

            assertEquals(1, seen.size());
            assertEquals(1, server.connections());
        }
    }

    private static JdkTlsServer server(String protocol, ClientAuth auth, boolean sendIntermediate, Issued... clientCas)
            throws Exception {
        return new JdkTlsServer(protocol, auth, PeerPki.sentChain(sendIntermediate), PeerPki.leafKey(),
                x509(Arrays.asList(clientCas)));
    }

    private static PeerObservation probe(JdkTlsServer server) {
        return probe(server, SETTINGS);
    }

    private static PeerObservation probe(JdkTlsServer server, ProbeSettings settings) {
        return new PeerProbe(settings).probe(new PeerAddress("localhost", server.port()));
    }

    private static List<X500Principal> sorted(List<X500Principal> names) {
        return names.stream().sorted(BY_NAME).toList();
    }

}
