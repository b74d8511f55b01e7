package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates reports against docs/schema/audit-report.v1.json, as packaged in the jar. */
public final class ReportSchema {

    private static final JsonSchema SCHEMA = load();

    private ReportSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = ReportSchema.class.getResourceAsStream("schema/audit-report.v1.json")) {
            if (in == null) {
                throw new IllegalStateException("the schema is not on the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema validator finds wrong with {@code json}. */
    public static Set<ValidationMessage> errors(String json) {
        try {
            return SCHEMA.validate(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code json} is a valid report and returns it parsed. */
    public static JsonNode assertValid(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            Set<ValidationMessage> errors = SCHEMA.validate(node);
            assertTrue(errors.isEmpty(), () -> "report does not match the schema: " + errors + "\n" + json);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
