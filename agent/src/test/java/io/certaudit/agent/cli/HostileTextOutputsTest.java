package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.eventlog.EventEntry;
import io.certaudit.agent.eventlog.FakeEventLog;
import io.certaudit.agent.install.FakeScheduledTasks;
import io.certaudit.agent.report.Promtool;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Text from certificates reaches every output: a name no UTF encoder accepts, terminal escape sequences and
 * bidirectional overrides must neither stop the audit nor reach a reader as they are.
 */
class HostileTextOutputsTest {

    private static final TestPki PKI = new TestPki();
    private static final String AT = TestPki.NOW.toString();
    /** A high surrogate with no low surrogate after it: a BMPString may hold it, no UTF can encode it. */
    private static final String LONE_SURROGATE = "bems\ud800pool.contoso.com";
    /** An SGR escape sequence that would paint the terminal, and a right-to-left override that reorders text. */
    private static final String TERMINAL_TRICKS = "bems\u001b[32m OK \u001b[0m\u202emoc.osotnoc\u202c.pool";

    @TempDir
    Path dir;

    /** A certificate whose subject CN is a BMPString holding {@code commonName} exactly, built with BouncyCastle. */
    private static Issued bmpStringLeaf(Issued issuer, String commonName) throws Exception {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERBMPString(commonName))
                .build();
        KeyPair keys = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.subject(), BigInteger.valueOf(77),
                Date.from(TestPki.NOW.minus(Duration.ofDays(30))), Date.from(TestPki.NOW.plus(Duration.ofDays(300))),
                subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuer.privateKey()));
        return new Issued(holder, holder.getEncoded(), keys);
    }

    private Path host(Issued leaf) {
        Issued root = PKI.root("Hostile Text Root");
        HostFolder host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", root);
        host.pemWithKey("MY", "service.pem", leaf, leaf);
        return host.root();
    }

    private static String strictUtf8(Path file) throws CharacterCodingException, java.io.IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }

    /** The textfiles of both hostile subjects below, checked by promtool (when it is installed). */
    @Test
    @Tag("external-tool")
    void theHostileTextfilesParseWithPromtool() throws Exception {
        writeSurrogateReports();
        Promtool.assertValid(strictUtf8(dir.resolve("report.prometheus")));
        writeTerminalTrickReports();
        Promtool.assertValid(Files.readString(dir.resolve("certaudit.prom")));
    }

    private static final List<String> FORMATS = List.of("json", "text", "html", "ndjson", "prometheus");

    /** Audits a host whose common name holds a lone surrogate into report.FORMAT; returns the event log. */
    private FakeEventLog writeSurrogateReports() throws Exception {
        Issued root = PKI.root("Hostile Text Root");
        Issued leaf = bmpStringLeaf(root, LONE_SURROGATE);
        Path source = host(leaf);
        FakeEventLog events = new FakeEventLog();
        events.registered = true;
        Platform windows = TestPlatforms.windows(new FakeScheduledTasks(), events, Map.of("COMPUTERNAME", "BEMS01"));
        String[] args = new String[] {"audit", "--source", source.toString(), "--at", AT, "--event-log"};
        for (String format : FORMATS) {
            args = append(args, "--output", format + "=" + dir.resolve("report." + format));
        }
        CliRun run = CliRun.run(windows, args);
        assertTrue(run.exitCode() < 3, run::toString);
        return events;
    }

    @Test
    void aCommonNameWithAnUnpairedSurrogateIsWrittenToEveryFormatWithTheReplacementCharacter() throws Exception {
        FakeEventLog events = writeSurrogateReports();
        for (String format : FORMATS) {
            String text = strictUtf8(dir.resolve("report." + format));
            // Prometheus carries the subject as the JDK renders it; the other formats carry the common name.
            assertTrue(text.contains(format.equals("prometheus") ? "\ufffd" : "bems\ufffdpool.contoso.com"),
                    format + ":\n" + text);
        }
        ReportSchema.assertValid(strictUtf8(dir.resolve("report.json")));
        assertEquals(1, events.events.size());
        assertFalse(hasUnpairedSurrogate(events.events.get(0).message()), events.events.get(0).message());
    }

    /** Audits a host whose common name holds terminal escapes and bidi overrides into every format. */
    private FakeEventLog writeTerminalTrickReports() throws Exception {
        Issued root = PKI.root("Hostile Text Root");
        Issued leaf = bmpStringLeaf(root, TERMINAL_TRICKS);
        Path source = host(leaf);
        FakeEventLog events = new FakeEventLog();
        events.registered = true;
        Platform windows = TestPlatforms.windows(new FakeScheduledTasks(), events, Map.of("COMPUTERNAME", "BEMS01"));
        Path text = dir.resolve("report.txt");
        Path prom = dir.resolve("certaudit.prom");
        Path json = dir.resolve("audit.json");
        Path ndjson = dir.resolve("audit.ndjson");
        Path html = dir.resolve("report.html");

        CliRun run = CliRun.run(windows, "audit", "--source", source.toString(), "--at", AT, "--event-log",
                "--output", "text=" + text, "--output", "prometheus=" + prom, "--output", "json=" + json,
                "--output", "ndjson=" + ndjson, "--output", "html=" + html);
        assertTrue(run.exitCode() < 3, run::toString);
        return events;
    }

    @Test
    void escapeSequencesAndBidiOverridesNeverReachTheTextReportLabelsOrEvents() throws Exception {
        FakeEventLog events = writeTerminalTrickReports();
        Path text = dir.resolve("report.txt");
        Path prom = dir.resolve("certaudit.prom");
        Path json = dir.resolve("audit.json");
        Path ndjson = dir.resolve("audit.ndjson");
        Path html = dir.resolve("report.html");
        EventEntry event = events.events.get(0);
        for (String output : List.of(Files.readString(text), Files.readString(prom), event.message(),
                Files.readString(json), Files.readString(ndjson), Files.readString(html))) {
            assertFalse(output.contains("\u001b"), output);
            assertFalse(output.contains("\u202e") || output.contains("\u202c"), output);
        }
        assertTrue(Files.readString(text).contains("bems\ufffd[32m OK \ufffd[0m\ufffdmoc.osotnoc\ufffd.pool"),
                Files.readString(text));
        // JSON keeps the data: escaped, so it reads back the same and shows as an escape.
        assertTrue(Files.readString(json).contains("\\u001B[32m") && Files.readString(json).contains("\\u202e"),
                Files.readString(json));
        assertTrue(ReportSchema.assertValid(Files.readString(json)).get("stores").get(0).get("certificates").get(0)
                .get("subjectCommonName").asText().equals(TERMINAL_TRICKS));
    }

    @Test
    void anEventIsCutWithinTheEventLogLimitWithoutSplittingACharacter() {
        String pair = "\ud83d\udd12";
        for (int offset : new int[] {80, 81}) {
            String message = "x".repeat(EventEntry.MAX_MESSAGE_CHARS - offset) + pair.repeat(100) + "\u202e\u0007";
            EventEntry entry = new EventEntry(io.certaudit.agent.eventlog.EventType.ERROR, 1002, message);
            assertTrue(entry.message().length() <= EventEntry.MAX_MESSAGE_CHARS);
            assertFalse(hasUnpairedSurrogate(entry.message()), "no pair cut in half");
        }
        assertTrue(EventEntry.MAX_MESSAGE_CHARS < 31_839, "within ReportEventW's 31,839 characters per string");
        assertTrue(new EventEntry(io.certaudit.agent.eventlog.EventType.ERROR, 1002, "a\u202eb\u001bc\nd").message()
                .equals("a\ufffdb\ufffdc\nd"));
    }

    /** The JDK's strict UTF-8 encoder as the oracle: it cannot encode an unpaired surrogate. */
    private static boolean hasUnpairedSurrogate(String text) {
        return !java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
