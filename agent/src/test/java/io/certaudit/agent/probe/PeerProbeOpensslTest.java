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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

/** The probe against {@code openssl s_server}, a TLS stack other than the JDK's own. */
@Tag("external-tool")
class PeerProbeOpensslTest {

    private static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(3));
    /** For a server that only requests a certificate: the TLS 1.3 verdict it never sends is not waited for long. */
    private static final ProbeSettings ONLY_REQUESTED = new ProbeSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofMillis(200));

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
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(x509(PEER_INTERMEDIATE)),
                List.of(x509(OUR_ROOT)), protocol, "-Verify", "1")) {
            PeerObservation seen = probe(server);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertEquals(List.of(subject(OUR_ROOT)), seen.acceptableIssuers());
            assertEquals(Tristate.YES, seen.clientCertificateRequired());
            assertEquals(List.of(thumbprint(PEER_LEAF), thumbprint(PEER_INTERMEDIATE)), seen.thumbprints());
            assertEquals(protocol.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2", seen.protocol());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void recordsAListWithoutOurIssuerFromAServerThatOnlyRequestsACertificate(String protocol) throws Exception {
        try (OpensslServer server = new OpensslServer(directory, PEER_LEAF, List.of(x509(PEER_INTERMEDIATE)),
                List.of(x509(UNRELATED_ROOT)), protocol, "-verify", "1")) {
            PeerObservation seen = probe(server, ONLY_REQUESTED);

            assertTrue(seen.reached(), () -> seen.failureMessage() + "\n" + server.output());
            assertEquals(List.of(subject(UNRELATED_ROOT)), seen.acceptableIssuers());
            assertFalse(seen.acceptableIssuers().contains(subject(OUR_ROOT)));
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
        return probe(server, SETTINGS);
    }

    private static PeerObservation probe(OpensslServer server, ProbeSettings settings) {
        return new PeerProbe(settings).probe(new PeerAddress("localhost", server.port()));
    }

}
