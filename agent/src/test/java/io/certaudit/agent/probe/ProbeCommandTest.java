package io.certaudit.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.cli.Main;
import io.certaudit.agent.probe.JdkTlsServer.ClientAuth;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;

/** certaudit probe and audit --peer, end to end against a loopback TLS server. */
class ProbeCommandTest {

    @TempDir
    Path dir;

    private static JsonNode run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.<String, String>of()::get)
                .execute(args);
        assertEquals(expectedExit, code, () -> out + "\n" + err);
        return ReportSchema.assertValid(out.toString());
    }

    private static Set<String> rules(JsonNode report) {
        Set<String> rules = new TreeSet<>();
        report.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        return rules;
    }

    @Test
    void probeWithoutASourceReportsWhatThePeerSentAndSkipsTheRulesThatNeedTheStores() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer("TLSv1.2", ClientAuth.WANT, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(PeerPki.PEER_ROOT)))) {
            JsonNode report = run(0, "probe", "--peer", "localhost:" + server.port(), "--format", "json",
                    "--at", io.certaudit.testing.TestPki.NOW.toString());
            JsonNode peer = report.get("peers").get(0);
            assertTrue(peer.get("reached").asBoolean(), peer::toString);
            assertEquals("TLSv1.2", peer.get("protocol").asText());
            assertEquals(2, peer.get("chain").size());
            assertTrue(peer.get("clientCertificateRequested").asBoolean());
            assertEquals(1, peer.get("acceptableIssuers").size());
            Set<String> disabled = new TreeSet<>();
            report.get("rules").forEach(r -> {
                if (r.get("result").asText().equals("disabled")) {
                    disabled.add(r.get("id").asText());
                }
            });
            assertTrue(disabled.containsAll(Set.of("peer-untrusted", "peer-does-not-accept-issuer",
                    "chain-incomplete")), disabled::toString);
        }
    }

    @Test
    void probeWithCheckRevocationJudgesThePeersChainAndFetchesNothingPastItsLimit() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer("TLSv1.2", ClientAuth.WANT, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(PeerPki.PEER_ROOT)))) {
            // A fetch limit of 0: every location the peer's certificates name is listed, none is fetched.
            JsonNode report = run(1, "probe", "--peer", "localhost:" + server.port(), "--format", "json",
                    "--at", io.certaudit.testing.TestPki.NOW.toString(), "--check-revocation",
                    "--revocation-max-fetches", "0");
            JsonNode revocation = report.get("revocation");
            assertTrue(revocation.get("checked").asBoolean(), revocation::toString);
            assertEquals(0, revocation.get("fetches").asInt());
            JsonNode leaf = revocation.get("certificates").get(0);
            assertEquals("localhost:" + server.port(), leaf.get("peer").asText());
            assertEquals("unknown", leaf.get("status").asText());
            assertEquals("fetch-limit", leaf.get("sources").get(0).get("outcome").asText());
            assertTrue(rules(report).contains("revocation-status-unavailable"), report::toString);
        }
    }

    @Test
    void probeWithoutASourceSaysInTheTextReportWhatWasAndWasNotChecked() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer("TLSv1.2", ClientAuth.WANT, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(PeerPki.PEER_ROOT)))) {
            StringWriter out = new StringWriter();
            int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    Map.<String, String>of()::get).execute("probe", "--peer", "localhost:" + server.port(), "--at",
                    io.certaudit.testing.TestPki.NOW.toString());
            String text = out.toString();
            assertEquals(0, code, text);
            assertTrue(text.contains("Not checked: peer-untrusted, peer-does-not-accept-issuer."), text);
            assertTrue(text.contains("no --source was given"), text);
            assertTrue(text.contains("Checked from the handshakes: "), text);
            assertTrue(text.contains("peer-name-mismatch"), text);
            assertTrue(text.contains("Stores\n\n  none read: no --source was given"), text);
            assertTrue(text.contains("not looked for: no --source was given"), text);
            assertFalse(text.contains("Trusted issuer list"), "no zero-size list of stores never read: " + text);
        }
    }

    @Test
    void probeHelpNoLongerClaimsItReadsTheLocalStores() {
        StringWriter out = new StringWriter();
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                Map.<String, String>of()::get).execute("probe", "--help");
        String help = out.toString().replaceAll("\\s+", " ");
        assertFalse(help.contains("Without it, the local machine's stores are read"), help);
        assertTrue(help.contains("probe reads none, judging only what the handshakes show"), help);
    }

    @Test
    void auditWithAPeerJudgesItAgainstTheHostStores() throws Exception {
        HostFolder host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.pem", PeerPki.OUR_ROOT);
        try (JdkTlsServer server = new JdkTlsServer("TLSv1.3", ClientAuth.NEED, PeerPki.sentChain(true),
                PeerPki.leafKey(), PeerPki.x509(List.of(PeerPki.UNRELATED_ROOT)))) {
            JsonNode report = run(2, "audit", "--source", host.root().toString(), "--peer",
                    "localhost:" + server.port(), "--format", "json", "--at",
                    io.certaudit.testing.TestPki.NOW.toString());
            assertTrue(rules(report).contains("peer-untrusted"), rules(report)::toString);
            JsonNode untrusted = null;
            for (JsonNode finding : report.get("findings")) {
                if (finding.get("rule").asText().equals("peer-untrusted")) {
                    untrusted = finding;
                }
            }
            assertEquals("localhost:" + server.port(), untrusted.get("peer").asText());
        }
    }

    @Test
    void anUnreachablePeerIsAWarningNotAFailureToRun() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        JsonNode report = run(1, "probe", "--peer", "127.0.0.1:" + port, "--format", "json");
        assertEquals("refused", report.get("peers").get(0).get("failure").asText());
        assertTrue(rules(report).contains("peer-unreachable"));
    }

    @Test
    void probeWithoutAPeerOrWithABadOneIsAUsageError() {
        for (String[] args : new String[][] {{"probe"}, {"probe", "--peer", "no-port-here"},
            {"probe", "--peer", "host:99999"}}) {
            StringWriter err = new StringWriter();
            int code = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    Map.<String, String>of()::get).execute(args);
            assertEquals(3, code, err::toString);
            assertTrue(err.toString().startsWith("certaudit: "), err::toString);
        }
    }
}
