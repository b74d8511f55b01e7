package io.certaudit.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.certaudit.agent.io.BoundedInputStream;

/**
 * Reads a saved JSON audit back into the model, so any writer renders it as the live audit would. Accepts every
 * 1.x report (fields it does not know are ignored); refuses with a clear message a file that is not JSON, not a
 * certaudit report, of another major schema version, missing a field the schema requires, or holding a value the
 * schema does not allow (a severity, a store, a thumbprint, a date). A saved audit is data, not truth: its verdict is
 * recounted from its findings, and every writer cleans what it prints from it as it cleans a live audit.
 */
public final class ReportReader {

    /** Larger than any real audit (tens of thousands of certificates); anything bigger is not one. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final JsonNode SCHEMA = loadSchema();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /**
     * Parser bounds no real audit comes near: the schema nests 8 levels, the longest string a report holds is a
     * message or an evidence list of some kilobytes, numbers are counts.
     */
    private static final JsonFactory BOUNDED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(4 * 1024 * 1024)
                    .maxNumberLength(32)
                    .maxNameLength(1024)
                    .build())
            .build();

    private ReportReader() {
    }

    /** The bounded JSON parser factory saved audits are read with; a capture is read with the same bounds. */
    public static JsonFactory boundedJsonFactory() {
        return BOUNDED;
    }

    public static AuditReport read(Path file) throws UnreadableReportException {
        return readChecked(file).report();
    }

    /** A saved audit as read, and what the reader corrected in it (see {@link #recount}). */
    public record SavedAudit(AuditReport report, List<String> corrections) {
    }

    /**
     * Reads {@code file} as a stream, never more than {@link #MAX_BYTES} of it whatever size it claims (a FIFO or a
     * device claims none), with Jackson's parser bounded in nesting, string and number length; then checks it
     * against the schema and recounts its verdict from its findings.
     */
    public static SavedAudit readChecked(Path file) throws UnreadableReportException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableReportException(Files.exists(file) ? file + " is not a regular file"
                    : file + " does not exist", null);
        }
        try (InputStream in = new BoundedInputStream(Files.newInputStream(file), MAX_BYTES,
                () -> new TooLargeException(file + " is larger than " + MAX_BYTES + " bytes; it is not a certaudit "
                        + "audit"))) {
            return check(parse(in, file.toString()), file.toString());
        } catch (NoSuchFileException e) {
            throw new UnreadableReportException(file + " does not exist", e);
        } catch (TooLargeException e) {
            throw new UnreadableReportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code json}; {@code name} says where it came from in messages. */
    public static AuditReport read(String json, String name) throws UnreadableReportException {
        return readChecked(json, name).report();
    }

    /** As {@link #read(String, String)}, saying what was corrected. */
    public static SavedAudit readChecked(String json, String name) throws UnreadableReportException {
        try (InputStream in = new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return check(parse(in, name), name);
        } catch (IOException e) {
            throw new UnreadableReportException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(InputStream in, String name) throws UnreadableReportException, IOException {
        try (JsonParser parser = BOUNDED.createParser(in)) {
            return Json.MAPPER.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw new UnreadableReportException(name + " is not a certaudit audit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof TooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new UnreadableReportException(name + " is not JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static SavedAudit check(JsonNode tree, String name) throws UnreadableReportException {
        if (tree == null || !tree.isObject() || !tree.path("schemaVersion").isTextual()
                || !"certaudit".equals(tree.path("tool").path("name").asText(null))) {
            throw new UnreadableReportException(name + " is not a certaudit audit report (no schemaVersion and "
                    + "tool certaudit); give the JSON written by 'certaudit audit --format json'", null);
        }
        String version = tree.get("schemaVersion").asText();
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new UnreadableReportException(name + " has schemaVersion '" + version
                    + "', which is not a version; it is not a certaudit audit report", null);
        }
        if (!matcher.group(1).equals(major())) {
            throw new UnreadableReportException(name + " is an audit of schema version " + version + "; this "
                    + "certaudit reads version " + major() + ".x. Render it with the certaudit that wrote it ("
                    + tree.path("tool").path("version").asText("unknown version") + ")", null);
        }
        String missing = firstMissing(SCHEMA, tree, "");
        if (missing != null) {
            throw new UnreadableReportException(name + " is not a complete audit report: " + missing, null);
        }
        String invalid = firstViolation(SCHEMA, tree, "");
        if (invalid != null) {
            throw new UnreadableReportException(name + " is not a valid audit report: " + invalid, null);
        }
        try {
            return recount(Json.MAPPER.treeToValue(tree, AuditReport.class));
        } catch (MismatchedInputException e) {
            throw new UnreadableReportException(name + " is not a valid audit report: at " + path(e) + ", "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UnreadableReportException(name + " is not a valid audit report: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The report with its status, exit code and finding counts as its findings make them (CRITICAL with an error,
     * WARNING with a warning, else OK; the rule the audit itself applies), and what differed. A saved audit is data
     * from whoever wrote the file: an edited {@code "exitCode": 0} above a list of errors must not turn a monitoring
     * check green.
     */
    static SavedAudit recount(AuditReport report) {
        int errors = 0;
        int warnings = 0;
        int info = 0;
        for (AuditReport.FindingEntry finding : report.findings()) {
            switch (finding.severity()) {
                case "error" -> errors++;
                case "warning" -> warnings++;
                default -> info++;
            }
        }
        String status = errors > 0 ? "CRITICAL" : warnings > 0 ? "WARNING" : "OK";
        int exitCode = errors > 0 ? 2 : warnings > 0 ? 1 : 0;
        List<String> corrections = new ArrayList<>();
        if (!status.equals(report.status()) || exitCode != report.exitCode()) {
            corrections.add("it says " + report.status() + " (exit " + report.exitCode() + ") but its findings make it "
                    + status + " (exit " + exitCode + "); the findings decide");
        }
        AuditReport.Summary summary = report.summary();
        if (summary.findings() != report.findings().size() || summary.errors() != errors
                || summary.warnings() != warnings || summary.info() != info) {
            corrections.add("its summary counts " + summary.errors() + " errors, " + summary.warnings()
                    + " warnings, " + summary.info() + " info but its findings hold " + errors + ", " + warnings
                    + ", " + info + "; the findings decide");
        }
        if (corrections.isEmpty()) {
            return new SavedAudit(report, List.of());
        }
        AuditReport.Summary counted = new AuditReport.Summary(summary.certificates(), summary.serviceCertificates(),
                report.findings().size(), errors, warnings, info, summary.problems(),
                summary.rootStoreIssuerListBytes());
        return new SavedAudit(new AuditReport(report.schemaVersion(), report.tool(), report.host(),
                report.generatedAt(), report.evaluatedAt(), report.source(), status, exitCode, report.settings(),
                counted, report.serviceCertificates(), report.stores(), report.problems(), report.findings(),
                report.rules(), report.serviceAccount(), report.hostFacts(), report.peers(), report.signatureEngines(),
                report.dns(), report.auditElevated(), report.schannel(), report.revocation()),
                List.copyOf(corrections));
    }

    private static String major() {
        return AuditReport.SCHEMA_VERSION.substring(0, AuditReport.SCHEMA_VERSION.indexOf('.'));
    }

    /**
     * What is wrong with the first field the schema requires that {@code data} lacks or holds as {@code null} where
     * the schema allows none, naming it by its path ({@code it lacks stores[0].certificates[2].thumbprint},
     * {@code stores[1] is null}), or {@code null} when nothing is. Follows
     * the schema's {@code properties}, {@code items} and local {@code $ref}s; other types are left to the mapping,
     * and fields the schema does not know (from a newer 1.x) are ignored. The writers can then rely on what the
     * schema promises.
     */
    private static String firstMissing(JsonNode schema, JsonNode data, String path) {
        schema = resolve(schema);
        if (data.isNull() && !allowsNull(schema)) {
            return (path.isEmpty() ? "the report" : path) + " is null";
        }
        if (data.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!data.has(required.asText())) {
                    return "it lacks " + (path.isEmpty() ? required.asText() : path + "." + required.asText());
                }
            }
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode value = data.get(property.getKey());
                if (value != null) {
                    String missing = firstMissing(property.getValue(), value,
                            path.isEmpty() ? property.getKey() : path + "." + property.getKey());
                    if (missing != null) {
                        return missing;
                    }
                }
            }
        } else if (data.isArray() && schema.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                String missing = firstMissing(schema.get("items"), data.get(i), path + "[" + i + "]");
                if (missing != null) {
                    return missing;
                }
            }
        }
        return null;
    }

    /**
     * The first value that breaks what the schema says of it, in words with its path, or {@code null}: its type, an
     * {@code enum} or {@code const}, a {@code pattern} (whole value, as the schema's patterns are anchored), a
     * {@code minimum}, a {@code date-time} format (as the writers parse it), following {@code properties},
     * {@code additionalProperties} schemas (map values), {@code items}, {@code anyOf}/{@code oneOf} and local
     * {@code $ref}s. {@code additionalProperties: false} is not enforced: a newer 1.x adds fields, which this
     * version ignores. This is the schema's own text applied by a small walker rather than a validator library:
     * the library logs through SLF4J, which would print a warning on every run.
     */
    static String firstViolation(JsonNode schema, JsonNode data, String path) {
        schema = resolve(schema);
        String where = path.isEmpty() ? "the report" : path;
        for (String combination : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(combination)) {
                String first = null;
                for (JsonNode alternative : schema.get(combination)) {
                    String violation = firstViolation(alternative, data, path);
                    if (violation == null) {
                        return null;
                    }
                    first = first == null ? violation : first;
                }
                return first;
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && !hasType(type, data)) {
            return where + " is " + describe(data) + ", not " + (type.isArray() ? join(type, " or ") : type.asText());
        }
        if (schema.has("const") && !schema.get("const").equals(data)) {
            return where + " is " + describe(data) + ", not " + schema.get("const");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode value : schema.get("enum")) {
                listed |= value.equals(data) || value.isNumber() && data.isNumber()
                        && value.decimalValue().compareTo(data.decimalValue()) == 0;
            }
            if (!listed) {
                return where + " is " + describe(data) + ", not one of " + join(schema.get("enum"), ", ");
            }
        }
        if (data.isTextual()) {
            JsonNode pattern = schema.get("pattern");
            if (pattern != null && !pattern(pattern.asText()).matcher(data.asText()).matches()) {
                return where + " is " + describe(data) + ", which does not match " + pattern.asText();
            }
            if ("date-time".equals(schema.path("format").asText()) && Dates.parse(data.asText()) == null) {
                return where + " is " + describe(data) + ", not an ISO-8601 instant";
            }
        }
        if (data.isNumber() && schema.has("minimum")
                && data.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            return where + " is " + data + ", below " + schema.get("minimum");
        }
        if (data.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            Iterator<Map.Entry<String, JsonNode>> fields = data.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey())
                        : additional != null && additional.isObject() ? additional : null;
                if (fieldSchema != null) {
                    String violation = firstViolation(fieldSchema, field.getValue(),
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                    if (violation != null) {
                        return violation;
                    }
                }
            }
        } else if (data.isArray() && schema.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                String violation = firstViolation(schema.get("items"), data.get(i), path + "[" + i + "]");
                if (violation != null) {
                    return violation;
                }
            }
        }
        return null;
    }

    private static boolean hasType(JsonNode type, JsonNode data) {
        if (type.isArray()) {
            for (JsonNode alternative : type) {
                if (hasType(alternative, data)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> data.isTextual();
            case "integer" -> data.isIntegralNumber() && data.canConvertToInt();
            case "number" -> data.isNumber();
            case "boolean" -> data.isBoolean();
            case "object" -> data.isObject();
            case "array" -> data.isArray();
            case "null" -> data.isNull();
            default -> true;
        };
    }

    /** The value for a message: short, on one line, without anything a terminal would act on. */
    private static String describe(JsonNode data) {
        if (data.isTextual()) {
            String text = data.asText();
            return "'" + SafeText.line(text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
        }
        return data.isContainerNode() ? (data.isObject() ? "an object" : "an array") : data.toString();
    }

    private static String join(JsonNode values, String separator) {
        List<String> words = new ArrayList<>();
        values.forEach(value -> words.add(value.isTextual() ? value.asText() : value.toString()));
        return String.join(separator, words);
    }

    /** The schema's patterns, compiled once; a final {@code $} is the end of input, as in ECMA 262. */
    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> Pattern.compile(r.endsWith("$") && !r.endsWith("\\$")
                ? r.substring(0, r.length() - 1) + "\\z" : r));
    }

    /** Whether the schema lets a value be {@code null}: its type, enum, const or one of its alternatives does. */
    private static boolean allowsNull(JsonNode schema) {
        schema = resolve(schema);
        JsonNode type = schema.get("type");
        if (type != null) {
            if (type.isTextual()) {
                return type.asText().equals("null");
            }
            for (JsonNode alternative : type) {
                if (alternative.asText().equals("null")) {
                    return true;
                }
            }
            return false;
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (value.isNull()) {
                    return true;
                }
            }
            return false;
        }
        if (schema.has("const")) {
            return schema.get("const").isNull();
        }
        for (String combination : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(combination)) {
                for (JsonNode alternative : schema.get(combination)) {
                    if (allowsNull(alternative)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode reference = schema.get("$ref");
        if (reference == null) {
            return schema;
        }
        String pointer = reference.asText();
        if (!pointer.startsWith("#")) {
            throw new IllegalStateException("the packaged schema refers outside itself: " + pointer);
        }
        return resolve(SCHEMA.at(pointer.substring(1)));
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static JsonNode loadSchema() {
        try (InputStream in = ReportReader.class.getResourceAsStream("schema/audit-report.v1.json")) {
            if (in == null) {
                throw new IllegalStateException("the report schema is missing from the jar");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
