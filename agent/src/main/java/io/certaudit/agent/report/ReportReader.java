package io.certaudit.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a saved JSON audit back into the model, so any writer renders it as the live audit would. Accepts every
 * 1.x report (fields it does not know are ignored); refuses with a clear message a file that is not JSON, not a
 * certaudit report, of another major schema version, or missing a field the schema requires.
 */
public final class ReportReader {

    /** Larger than any real audit (tens of thousands of certificates); anything bigger is not one. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final JsonNode SCHEMA = loadSchema();

    private ReportReader() {
    }

    public static AuditReport read(Path file) throws UnreadableReportException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableReportException(file + " is larger than " + MAX_BYTES
                        + " bytes; it is not a certaudit audit", null);
            }
            return read(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new UnreadableReportException(file + " does not exist", e);
        } catch (IOException e) {
            throw new UnreadableReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code json}; {@code name} says where it came from in messages. */
    public static AuditReport read(String json, String name) throws UnreadableReportException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableReportException(name + " is not JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
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
        try {
            AuditReport report = Json.MAPPER.treeToValue(tree, AuditReport.class);
            if (report.exitCode() < 0 || report.exitCode() > 2) {
                throw new UnreadableReportException(name + " has exitCode " + report.exitCode()
                        + "; an audit's is 0, 1 or 2", null);
            }
            return report;
        } catch (MismatchedInputException e) {
            throw new UnreadableReportException(name + " is not a valid audit report: at " + path(e) + ", "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UnreadableReportException(name + " is not a valid audit report: " + e.getOriginalMessage(), e);
        }
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
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
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
}
