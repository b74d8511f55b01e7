package io.certaudit.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportBuilder;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.HostSnapshot;
import io.certaudit.testing.TestPki;

/** A snapshot through a capture file and back, and the audit of both, for the round-trip tests of every source. */
public final class CaptureRoundTrip {

    private CaptureRoundTrip() {
    }

    /** Writes {@code snapshot} as {@code folder/host.capture} and reads it back. */
    public static HostSnapshot through(HostSnapshot snapshot, Path folder) {
        Path file = folder.resolve("host.capture");
        try {
            CaptureFile.write(file, snapshot, new CaptureFile.Maker("test", TestPki.NOW, "Windows Server 2022",
                    "10.0"));
            return CaptureFile.read(file, 100_000).snapshot();
        } catch (OutputException | UnreadableCaptureException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Asserts that the audit of the snapshot read back from a capture gives the same findings, rule outcomes,
     * stores (every certificate with its facts and properties), problems, account, host facts and SCHANNEL settings
     * as the audit of
     * the snapshot itself. Only the source's description differs: it names the capture.
     */
    public static void assertSameAudit(HostSnapshot direct, HostSnapshot captured, AuditSettings settings) {
        JsonNode before = audit(direct, settings);
        JsonNode after = audit(captured, settings);
        assertFalse(before.get("findings").isEmpty(), "a round trip of a host without findings proves little");
        for (String field : List.of("host", "status", "summary", "serviceCertificates", "stores", "problems",
                "findings", "rules", "serviceAccount", "hostFacts", "schannel")) {
            assertEquals(before.get(field), after.get(field), field);
        }
    }

    private static JsonNode audit(HostSnapshot snapshot, AuditSettings settings) {
        AuditResult result = new RuleEngine(BuiltInRules.catalog()).run(snapshot, settings, TestPki.NOW);
        AuditReport report = new ReportBuilder("test").build(result, Instant.EPOCH);
        return Json.MAPPER.valueToTree(report);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
