package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;

/** Renders an audit report in one format. */
public interface ReportWriter {

    void write(AuditReport report, Writer out) throws IOException;
}
