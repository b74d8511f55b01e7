package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * Writes the report as JSON, schema {@code docs/schema/audit-report.v1.json}: {@link Json#MAPPER}'s text, with the
 * store entries and the findings, nearly all of a large report, rendered on every core ({@link ChunkedArrays}).
 */
public final class JsonReportWriter implements ReportWriter {

    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(ChunkedArrays.module(
            Set.of(AuditReport.CertificateEntry.class, AuditReport.FindingEntry.class)));

    /**
     * The serializers this writer will use, from its own mapper (a copy of {@link Json#MAPPER} has a serializer cache
     * of its own): what is built through it before the report is written is found made when it is.
     */
    public static SerializerProvider serializers() {
        return MAPPER.getSerializerProviderInstance();
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        try (ChunkedArrays arrays = new ChunkedArrays(MAPPER, Runtime.getRuntime().availableProcessors())) {
            MAPPER.writer(new ChunkPrettyPrinter()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .withAttribute(ChunkedArrays.class, arrays).writeValue(out, report);
        }
        out.write(System.lineSeparator());
    }
}
