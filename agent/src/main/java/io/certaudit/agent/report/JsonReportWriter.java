package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes the report as JSON, schema {@code docs/schema/audit-report.v1.json}. */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
        out.write(System.lineSeparator());
    }
}
