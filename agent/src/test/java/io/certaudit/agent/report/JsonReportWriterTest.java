package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The JSON writer renders the long arrays in runs on other threads; its text must be, byte for byte, what one
 * generator of {@link Json#MAPPER} writes, whatever the names hold and however the arrays fall into runs.
 */
class JsonReportWriterTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("CN=Équipe Root CA,O=Contoso,C=US");
    private static final Issued ISSUING = PKI.issue(ROOT, PKI.spec("CN=Issuing CA \u6771\u4eac,O=Contoso,C=US").ca());
    private static final Issued MISSING = PKI.issue(ROOT, PKI.spec("CN=Issuing CA not in any store").ca());
    private static final List<Issued> LEAVES = new ArrayList<>();

    /** Names with what JSON must escape, what certaudit escapes for the terminal, and what it passes as is. */
    private static final List<String> NAMES = List.of("plain.contoso.com", "Zo\u00eb M\u00fcller", "\u6771\u4eac",
            "smile \ud83d\ude00 ok", "ctl \u0001 \u001f end", "tab\there", "line\nfeed", "del \u007f",
            "c1 \u0085 \u009f", "bidi \u202e txt \u2066", "separators \u2028 \u2029", "</script><b>&amp;",
            "quote \\\" back \\\\ slash", "");

    /** Lengths around the run size: none, one short run, exactly a run, one over, several with a short tail. */
    static Stream<Integer> sizes() {
        return Stream.of(0, 1, ChunkedArrays.CHUNK, ChunkedArrays.CHUNK + 1, 3 * ChunkedArrays.CHUNK + 37);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void writesWhatOneGeneratorWritesToEveryKindOfOutput(int leaves) throws IOException {
        AuditReport report = report(leaves);
        byte[] expected = reference(report);

        StringWriter characters = new StringWriter();
        new JsonReportWriter().write(report, characters);
        assertSame(expected, encoded(characters.toString()));

        assertSame(expected, written(report, false));
        assertSame(expected, written(report, true));
    }

    @Test
    void copiesRunsEncodedOnOtherThreadsWhenTheOutputTakesBytes() throws IOException {
        AuditReport report = report(2 * ChunkedArrays.CHUNK + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> encodedRuns = new ArrayList<>();
        Utf8Writer out = new Utf8Writer(bytes);
        Writer counting = new CountingWriter(out, encodedRuns);
        new JsonReportWriter().write(report, counting);
        counting.flush();

        assertSame(reference(report), bytes.toByteArray());
        // The store entries (three runs of MY) and the findings arrive as runs encoded elsewhere.
        assertTrue(encodedRuns.size() >= 3, "runs encoded on other threads: " + encodedRuns);
    }

    @Test
    void writesTheWritersScenariosAsOneGeneratorDoes() throws IOException {
        for (AuditReport report : List.of(ReportScenarios.brokenMtls(), ReportScenarios.healthy(),
                ReportScenarios.withPeers(), ReportScenarios.withDnsChecked(),
                ReportScenarios.notElevatedWithAWrongKeyAndAnUnprovenPeer(),
                ReportScenarios.withSchannel(ReportScenarios.healthy(),
                        ReportScenarios.unreadableSchannelSettings()))) {
            assertSame(reference(report), written(report, false));
        }
    }

    private static void assertSame(byte[] expected, byte[] actual) {
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual);
    }

    /** {@code text} encoded as the report files and standard output encode it. */
    private static byte[] encoded(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(bytes, SafeText.utf8Encoder());
        out.write(text);
        out.flush();
        return bytes.toByteArray();
    }

    /** The text of the JSON writer before it wrote in runs: one generator of {@link Json#MAPPER}, encoded after. */
    private static byte[] reference(AuditReport report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(bytes, SafeText.utf8Encoder());
        Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
        out.write(System.lineSeparator());
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] written(AuditReport report, boolean printWriter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = printWriter ? new Utf8PrintWriter(bytes, false) : new Utf8Writer(bytes);
        new JsonReportWriter().write(report, out);
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * A host with {@code leaves} service certificates named with every kind of character, a third of them issued
     * by a CA in no store (a finding each), some expired, with and without keys, friendly names and properties that
     * hold unpaired surrogates; and the same number of copies in the Intermediate store.
     */
    static AuditReport report(int leaves) {
        HostSnapshot.Builder host = HostSnapshot.builder("host \u00e9\ud83d\ude00", "folder \u0001exports")
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .problem(StoreName.CA, "exports/CA/bad \ud800.cer", "not a certificate: no PEM block, not DER");
        for (int i = 0; i < leaves; i++) {
            Issued leaf = leaf(i);
            var certificate = leaf.in(StoreName.MY);
            if (i % 2 == 0) {
                certificate = certificate.withPrivateKey(PrivateKeyFacts.inFile("k" + i + ".key", name(i)));
            }
            if (i % 7 == 3) {
                certificate = certificate.withFriendlyName("half \ud83d pair \ude00 " + name(i))
                        .withProperty("note \udbff", "value \u0000 " + name(i));
            }
            host.add(certificate);
            if (i % 4 == 1) {
                host.add(leaf.in(StoreName.CA));
            }
        }
        return new ReportBuilder("test \u2028").build(new RuleEngine(BuiltInRules.catalog()).run(host.build(),
                AuditSettings.defaults(), TestPki.NOW), TestPki.NOW.plusSeconds(60));
    }

    private static String name(int i) {
        return NAMES.get(i % NAMES.size()) + " " + i;
    }

    /** The {@code i}th leaf, made once for all tests: P-256 keys, as an RSA key a certificate takes long to make. */
    private static synchronized Issued leaf(int i) {
        while (LEAVES.size() <= i) {
            int n = LEAVES.size();
            TestPki.Spec spec = PKI.spec("CN=" + name(n).replaceAll("([\\\\,+\"<>;=#])", "\\\\$1"))
                    .san("host" + n + ".contoso.com").ec("secp256r1");
            if (n % 5 == 4) {
                spec.valid(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(1)));
            }
            LEAVES.add(PKI.issue(n % 3 == 2 ? MISSING : ISSUING, spec));
        }
        return LEAVES.get(i);
    }

    /** Passes everything through and counts the runs that arrive already encoded. */
    private static final class CountingWriter extends Writer implements EncodedOutput {
        private final Utf8Writer out;
        private final List<Integer> encoded;

        CountingWriter(Utf8Writer out, List<Integer> encoded) {
            this.out = out;
            this.encoded = encoded;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void writeEncoded(byte[] bytes, int offset, int length) throws IOException {
            encoded.add(length);
            out.writeEncoded(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
