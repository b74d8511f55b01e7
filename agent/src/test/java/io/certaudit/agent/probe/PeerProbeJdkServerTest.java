package io.certaudit.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.agent.probe.JdkTlsServer.ClientAuth;
import io.certaudit.agent.probe.TestPki.Issued;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/** The probe against the JDK's own TLS server: what it records, and what it never does. */
class PeerProbeJdkServerTest {

    /** The peer's PKI: a pool certificate under an intermediate under a root. */
    private static final Issued PEER_ROOT = TestPki.root("Peer Root");
    private static final Issued PEER_INTERMEDIATE = TestPki.intermediate("Peer Issuing CA", PEER_ROOT);
    private static final Issued PEER_LEAF = TestPki.server("localhost", PEER_INTERMEDIATE);
    /** Our service certificate's root, and one that has nothing to do with us. */
    private static final Issued OUR_ROOT = TestPki.root("Our Root");
    private static final Issued UNRELATED_ROOT = TestPki.root("Unrelated Root");

    private static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(3));
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
            assertEquals(PEER_LEAF.certificate(), seen.chain().get(0));
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
            assertEquals(sorted(List.of(OUR_ROOT.subject(), UNRELATED_ROOT.subject())),
                    sorted(seen.acceptableIssuers()));
            assertEquals(Tristate.YES, seen.clientCertificateRequired());
            assertEquals(List.of(thumbprint(PEER_LEAF), thumbprint(PEER_INTERMEDIATE)), seen.thumbprints());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void tellsAServerThatOnlyRequestsACertificateFromOneThatRequiresIt(String protocol) throws Exception {
        try (JdkTlsServer server = server(protocol, ClientAuth.WANT, true, UNRELATED_ROOT)) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), seen::failureMessage);
            assertEquals(List.of(UNRELATED_ROOT.subject()), seen.acceptableIssuers());
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
            probe(server);
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
        List<X509Certificate> chain = sendIntermediate
                ? List.of(PEER_LEAF.certificate(), PEER_INTERMEDIATE.certificate())
                : List.of(PEER_LEAF.certificate());
        return new JdkTlsServer(protocol, auth, chain, PEER_LEAF.keys().getPrivate(),
                Arrays.stream(clientCas).map(Issued::certificate).toList());
    }

    private static PeerObservation probe(JdkTlsServer server) {
        return new PeerProbe(SETTINGS).probe(new PeerAddress("localhost", server.port()));
    }

    private static List<X500Principal> sorted(List<X500Principal> names) {
        return names.stream().sorted(BY_NAME).toList();
    }

    static String thumbprint(Issued issued) throws Exception {
        return StoredCertificate.digest("SHA-1", issued.certificate().getEncoded());
    }
}
