package io.certaudit.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.agent.probe.TestPki.Issued;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

/** The probe against {@code openssl s_server}, a TLS stack other than the JDK's own. */
class PeerProbeOpensslTest {

    private static final Issued PEER_ROOT = TestPki.root("SBC Root");
    private static final Issued PEER_INTERMEDIATE = TestPki.intermediate("SBC Issuing CA", PEER_ROOT);
    private static final Issued PEER_LEAF = TestPki.server("localhost", PEER_INTERMEDIATE);
    private static final Issued OUR_ROOT = TestPki.root("Our Root");
    private static final Issued UNRELATED_ROOT = TestPki.root("Unrelated Root");

    private static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(3));

    @TempDir
    Path directory;

    @BeforeAll
    static void needsOpenssl() {
        assumeTrue(OpensslServer.available(), "openssl is not on the PATH: the s_server interoperability tests"
                + " are skipped; install OpenSSL to run them");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void recordsTheClientCaListOfAServerThatRequiresACertificate(String protocol) throws Exception {
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(PEER_INTERMEDIATE.certificate()),
                List.of(OUR_ROOT.certificate()), protocol, "-Verify", "1")) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertEquals(List.of(OUR_ROOT.subject()), seen.acceptableIssuers());
            assertEquals(Tristate.YES, seen.clientCertificateRequired());
            assertEquals(List.of(thumbprint(PEER_LEAF), thumbprint(PEER_INTERMEDIATE)), seen.thumbprints());
            assertEquals(protocol.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2", seen.protocol());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void recordsAListWithoutOurIssuerFromAServerThatOnlyRequestsACertificate(String protocol) throws Exception {
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(PEER_INTERMEDIATE.certificate()),
                List.of(UNRELATED_ROOT.certificate()), protocol, "-verify", "1")) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertEquals(List.of(UNRELATED_ROOT.subject()), seen.acceptableIssuers());
            assertFalse(seen.acceptableIssuers().contains(OUR_ROOT.subject()));
            assertEquals(Tristate.NO, seen.clientCertificateRequired());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void recordsOnlyTheLeafAndNoRequestFromAServerWithoutChainOrClientAuthentication(String protocol)
            throws Exception {
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(), List.of(), protocol)) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertEquals(List.of(thumbprint(PEER_LEAF)), seen.thumbprints());
            assertFalse(seen.clientCertificateRequested());
            assertNull(seen.acceptableIssuers());
        }
    }

    @Test
    void recordsAnEmptyListFromAServerThatRequestsACertificateWithoutNamingAnAuthority() throws Exception {
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(), List.of(), "-tls1_2",
                "-Verify", "1")) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertTrue(seen.clientCertificateRequested());
            assertEquals(List.of(), seen.acceptableIssuers());
        }
    }

    private static PeerObservation probe(OpensslServer server) {
        return new PeerProbe(SETTINGS).probe(new PeerAddress("localhost", server.port()));
    }

    private static String thumbprint(Issued issued) throws Exception {
        return PeerProbeJdkServerTest.thumbprint(issued);
    }
}
