package io.certaudit.agent.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certaudit.agent.capture.CaptureFile;
import io.certaudit.agent.capture.CaptureSource;
import io.certaudit.agent.cli.Main;
import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.ReportReader;
import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.report.html.HtmlDocument;
import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.FolderSource;
import io.certaudit.agent.source.serialized.RegistryExportSource;
import io.certaudit.agent.source.serialized.SstSource;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;

/**
 * Fuzz tests of every parser entry point, each a few lines: put the input where the parser reads it and check
 * {@link AuditInvariants}. Without {@code JAZZER_FUZZ} each replays its seeds ({@link Seeds}) and the inputs under
 * {@code SourceFuzzTestInputs/<test>/} as part of the build; README (Security) tells how to fuzz one for real.
 * A new parser is one more method here.
 */
class SourceFuzzTest {

    private static final String PFX_PASSWORD = "secret";

    private final FuzzHost host = new FuzzHost();

    /** A certificate file of a folder source, sniffed as PEM (any number of blocks, keys included) or DER. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#certificateFiles")
    @FuzzTest(maxDuration = "10m")
    void certificateFile(byte[] content) {
        auditFolder(Map.of("MY/entry.crt", content, "CA/entry.cer", content));
    }

    /** A key file beside its certificate, read to tell whether the key is there. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#keyFiles")
    @FuzzTest(maxDuration = "10m")
    void keyFile(byte[] content) {
        auditFolder(Map.of("MY/service.crt", Seeds.leafCertificate(), "MY/service.key", content));
    }

    /** A PKCS#12 file, opened with the password its seeds use and with an empty one. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#pfxFiles")
    @FuzzTest(maxDuration = "10m")
    void pfxFile(byte[] content) {
        auditFolder(Map.of("MY/service.pfx", content));
        AuditInvariants.audit(new FolderSource(host.with(Map.of("MY/service.pfx", content)),
                new CertificateFileReader(PFX_PASSWORD.toCharArray(), CertificateFileReader.DEFAULT_MAX_FILE_BYTES)));
    }

    /** A serialized store (.sst), as certutil and Export-Certificate write it. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#sstFiles")
    @FuzzTest(maxDuration = "10m")
    void sstFile(byte[] content) {
        Path file = host.file("store.sst", content);
        AuditInvariants.audit(new SstSource(file, StoreName.MY));
    }

    /** A registry export (.reg) of a store's certificates key. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#registryExports")
    @FuzzTest(maxDuration = "10m")
    void registryExport(byte[] content) {
        Path file = host.file("store.reg", content);
        AuditInvariants.audit(new RegistryExportSource(file));
    }

    /**
     * A capture given as {@code --source}: read as it is (the digest check meets most changes), and sealed again
     * when it is a JSON object, so that the change reaches the mapping from the capture to the model.
     */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#captures")
    @FuzzTest(maxDuration = "10m")
    void captureFile(byte[] content) {
        AuditInvariants.audit(new CaptureSource(host.file("host.capture", content), 100_000));
        byte[] sealed = sealedAgain(content);
        if (sealed != null) {
            AuditInvariants.audit(new CaptureSource(host.file("sealed.capture", sealed), 100_000));
        }
    }

    private static byte[] sealedAgain(byte[] content) {
        JsonNode capture;
        try (JsonParser parser = ReportReader.boundedJsonFactory().createParser(content)) {
            parser.setCodec(Json.MAPPER);
            capture = parser.readValueAsTree();
        } catch (IOException e) {
            return null;
        }
        if (!(capture instanceof ObjectNode object)) {
            return null;
        }
        object.remove("digest");
        String value = CaptureFile.digestOf(object);
        ObjectNode digest = object.putObject("digest");
        digest.put("algorithm", "SHA-256");
        digest.put("canonicalization", "sorted-keys-compact-utf8");
        digest.put("value", value);
        try {
            return Json.MAPPER.writeValueAsBytes(object);
        } catch (IOException e) {
            return null;
        }
    }

    /** The YAML settings file, through the whole command line. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#yamlConfigs")
    @FuzzTest(maxDuration = "10m")
    void yamlConfigFile(byte[] content) {
        auditWithConfig("certaudit.yaml", content);
    }

    /** The JSON settings file, through the whole command line. */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#jsonConfigs")
    @FuzzTest(maxDuration = "10m")
    void jsonConfigFile(byte[] content) {
        auditWithConfig("certaudit.json", content);
    }

    /**
     * A saved audit given to {@code certaudit report}, rendered as HTML and as text: either it renders (exit 0 to 2;
     * the HTML well-formed and self-contained) or it is refused with a one-line message and exit 3.
     */
    @MethodSource("io.certaudit.agent.fuzz.Seeds#savedAudits")
    @FuzzTest(maxDuration = "10m")
    void savedAudit(byte[] content) {
        Path file = host.file("audit.json", content);
        for (String format : List.of("html", "text")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(
                    "CERTAUDIT_DEBUG", "1")::get).execute("report", file.toString(), "--format", format);
            assertFalse(err.toString().contains("internal error"), err::toString);
            if (exit == 3) {
                assertTrue(err.toString().startsWith("certaudit: ") && err.toString().lines().count() == 1,
                        err::toString);
            } else {
                assertTrue(exit >= 0 && exit <= 2, () -> "exit " + exit + "\n" + err);
                if (format.equals("html")) {
                    HtmlDocument.parse(out.toString()).assertSelfContained();
                }
            }
        }
    }

    private void auditFolder(Map<String, byte[]> files) {
        AuditInvariants.audit(new FolderSource(host.with(files), CertificateFileReader.withDefaults()));
    }

    /**
     * Whatever the config holds, the audit either runs (exit 0 to 2, a valid report) or stops with a one-line
     * message and exit 3; it never fails inside.
     */
    private void auditWithConfig(String name, byte[] content) {
        Path root = host.with(Map.of("ROOT/root.crt", Seeds.rootCertificate()));
        Path config = host.file(name, content);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(
                "CERTAUDIT_DEBUG", "1")::get).execute("audit", "--source", root.toString(), "--config",
                config.toString(), "--format", "json", "--at", TestPki.NOW.toString());
        assertFalse(err.toString().contains("internal error"), err::toString);
        if (exit == 3) {
            assertTrue(err.toString().startsWith("certaudit: ") && err.toString().lines().count() == 1,
                    err::toString);
        } else {
            assertTrue(exit >= 0 && exit <= 2, () -> "exit " + exit + "\n" + err);
            ReportSchema.assertValid(out.toString());
        }
    }
}
