package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the audit as a textfile for the textfile collector of windows_exporter or node_exporter, in the Prometheus
 * text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats): one {@code # HELP} and
 * {@code # TYPE} line per metric family, its samples together, label values escaped, lines ended by LF alone (the
 * collector's parser rejects a CR before the line feed).
 *
 * <p>Every metric is a gauge of the last run. A label set appears once per family: the collector rejects a whole
 * file that repeats one, so a certificate present in several physical stores of the same logical store is one
 * sample.
 */
public final class PrometheusTextfileWriter implements ReportWriter {

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        Exposition exposition = new Exposition(out);

        exposition.family("certaudit_status", "Status of the last audit, its exit code: 0 OK, 1 WARNING, 2 CRITICAL.");
        exposition.sample("certaudit_status", Map.of(), report.exitCode());

        exposition.family("certaudit_last_run_timestamp_seconds", "When the last audit ran, in Unix time.");
        exposition.sample("certaudit_last_run_timestamp_seconds", Map.of(),
                Instant.parse(report.generatedAt()).getEpochSecond());

        exposition.family("certaudit_info", "The host and tool of the last audit; always 1.");
        exposition.sample("certaudit_info", labels("host", report.host(), "version", report.tool().version(),
                "schema_version", report.schemaVersion()), 1);

        AuditReport.Summary summary = report.summary();
        exposition.family("certaudit_findings_by_severity",
                "Findings of the last audit by severity (every severity present, zero included).");
        exposition.sample("certaudit_findings_by_severity", labels("severity", "error"), summary.errors());
        exposition.sample("certaudit_findings_by_severity", labels("severity", "warning"), summary.warnings());
        exposition.sample("certaudit_findings_by_severity", labels("severity", "info"), summary.info());

        exposition.family("certaudit_findings", "Findings of the last audit by rule and severity.");
        Map<List<String>, Integer> findings = new TreeMap<>(PrometheusTextfileWriter::compare);
        for (AuditReport.FindingEntry finding : report.findings()) {
            findings.merge(List.of(finding.rule(), finding.severity()), 1, Integer::sum);
        }
        for (Map.Entry<List<String>, Integer> entry : findings.entrySet()) {
            exposition.sample("certaudit_findings",
                    labels("rule", entry.getKey().get(0), "severity", entry.getKey().get(1)), entry.getValue());
        }

        exposition.family("certaudit_certificates", "Certificates read from each store.");
        for (AuditReport.Store store : report.stores()) {
            exposition.sample("certaudit_certificates", labels("store", store.name()), store.certificates().size());
        }

        exposition.family("certaudit_service_certificates",
                "Certificates the audit took for the service's own (names configured, or every non-CA in MY).");
        exposition.sample("certaudit_service_certificates", Map.of(), summary.serviceCertificates());

        exposition.family("certaudit_unreadable_entries", "Store entries that could not be read.");
        exposition.sample("certaudit_unreadable_entries", Map.of(), summary.problems());

        exposition.family("certaudit_certificate_not_after_seconds",
                "End of validity of each certificate, in Unix time; service=\"true\" marks service certificates.");
        Set<String> seen = new LinkedHashSet<>();
        for (AuditReport.Store store : report.stores()) {
            for (AuditReport.CertificateEntry certificate : store.certificates()) {
                if (seen.add(store.name() + "/" + certificate.thumbprint())) {
                    exposition.sample("certaudit_certificate_not_after_seconds", labels("store", store.name(),
                            "thumbprint", certificate.thumbprint(), "subject", certificate.subject(),
                            "service", Boolean.toString(certificate.serviceCertificate())),
                            Instant.parse(certificate.notAfter()).getEpochSecond());
                }
            }
        }
        out.flush();
    }

    private static int compare(List<String> a, List<String> b) {
        int byRule = a.get(0).compareTo(b.get(0));
        return byRule != 0 ? byRule : a.get(1).compareTo(b.get(1));
    }

    /** Labels in the order given; a null value is written empty, which the format reads as an absent label. */
    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return labels;
    }

    /** The text format's lines, escaping included. */
    private static final class Exposition {
        private final Writer out;

        Exposition(Writer out) {
            this.out = out;
        }

        void family(String name, String help) throws IOException {
            out.write("# HELP " + name + " " + escapeHelp(help) + "\n");
            out.write("# TYPE " + name + " gauge\n");
        }

        void sample(String name, Map<String, String> labels, long value) throws IOException {
            StringBuilder line = new StringBuilder(name);
            if (!labels.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                labels.forEach((label, text) -> pairs.add(label + "=\"" + escapeLabelValue(text) + "\""));
                line.append('{').append(String.join(",", pairs)).append('}');
            }
            line.append(' ').append(String.format(Locale.ROOT, "%d", value)).append('\n');
            out.write(line.toString());
        }
    }

    /**
     * Label values escape backslash, double quote and line feed; nothing else may be escaped, so other control
     * characters, bidirectional formatting characters and unpaired surrogates are replaced ({@link SafeText}): a
     * dashboard or alert shows a label as it is.
     */
    static String escapeLabelValue(String value) {
        return SafeText.keepingLineFeeds(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed only. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
