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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * The JSON writer renders the long arrays in runs on other threads; its text must be, byte for byte, what one
 * generator of {@link Json#MAPPER} writes, whatever the names hold and however the arrays fall into runs.
 */
class JsonReportWriterTest {

    /** Lengths around the run size: none, one short run, exactly a run, one over, several with a short tail. */
    static Stream<Integer> sizes() {
        return Stream.of(0, 1, ChunkedArrays.CHUNK, ChunkedArrays.CHUNK + 1, 3 * ChunkedArrays.CHUNK + 37);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void writesWhatOneGeneratorWritesToEveryKindOfOutput(int leaves) throws IOException {
        AuditReport report = ReportScenarios.manyCertificates(leaves);
        byte[] expected = reference(report);

        StringWriter characters = new StringWriter();
        new JsonReportWriter().write(report, characters);
        assertSame(expected, encoded(characters.toString()));

        assertSame(expected, written(report, false));
        assertSame(expected, written(report, true));
    }

    @Test
    void copiesRunsEncodedOnOtherThreadsWhenTheOutputTakesBytes() throws IOException {
        AuditReport report = ReportScenarios.manyCertificates(2 * ChunkedArrays.CHUNK + 1);
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
