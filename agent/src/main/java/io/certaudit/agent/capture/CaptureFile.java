package io.certaudit.agent.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certaudit.agent.io.BoundedInputStream;
import io.certaudit.agent.report.AtomicFile;
import io.certaudit.agent.report.Json;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportReader;
import io.certaudit.agent.report.SafeText;
import io.certaudit.model.HostSnapshot;

/**
 * A capture file (docs/schema/capture.v1.json): a versioned envelope around what a source saw on a host, sealed
 * with a SHA-256 over its canonical form, so damage in transit (an e-mail gateway, a truncated upload, an edit) is
 * found before a single fact of it is believed. Written atomically like reports; read bounded like saved audits.
 */
public final class CaptureFile {

    /** The {@code format} every capture names first, which also tells a capture from any other JSON file. */
    public static final String FORMAT = "certaudit-capture";
    /** The schema version this certaudit writes; it reads every {@code 1.x}. */
    public static final String SCHEMA_VERSION = "1.1";
    /** How the digest is computed, as the file says it. */
    static final String CANONICALIZATION = "sorted-keys-compact-utf8";

    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
    private static final Pattern LOOKS_LIKE_CAPTURE = Pattern.compile(
            "\\A\\uFEFF?\\s*\\{\\s*\"format\"\\s*:\\s*\"" + FORMAT + "\"");

    private CaptureFile() {
    }

    /**
     * Canonical bytes: no pretty printing, no escaping of non-ASCII, so the digest does not depend on the writer. Built
     * on first use: every audit asks {@link #isCapture} of its sources, and most never read or write a capture.
     */
    private static final class Canonical {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    /** Who made a capture, where and when. */
    public record Maker(String toolVersion, Instant capturedAt, String osName, String osVersion) {
    }

    /** A capture as read: the host it describes, and who made it when. */
    public record Read(HostSnapshot snapshot, String toolVersion, String capturedAt) {
    }

    /** Writes {@code snapshot} to {@code target} as a capture, atomically. */
    public static void write(Path target, HostSnapshot snapshot, Maker maker) throws OutputException {
        ObjectNode capture = JsonNodeFactory.instance.objectNode();
        capture.put("format", FORMAT);
        capture.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = capture.putObject("tool");
        tool.put("name", "certaudit");
        tool.put("version", maker.toolVersion());
        capture.put("capturedAt", maker.capturedAt().toString());
        ObjectNode on = capture.putObject("capturedOn");
        on.put("os", maker.osName());
        on.put("osVersion", maker.osVersion());
        capture.set("host", CaptureMapping.write(snapshot));
        String value = digestOf(capture);
        ObjectNode digest = capture.putObject("digest");
        digest.put("algorithm", "SHA-256");
        digest.put("canonicalization", CANONICALIZATION);
        digest.put("value", value);
        AtomicFile.write(target, out -> {
            Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, capture);
            out.write(System.lineSeparator());
        });
    }

    /**
     * Whether {@code file} is a capture: named {@code .capture}, or a JSON file whose first member names the
     * capture format (so a renamed capture is still recognised). Reads at most a few hundred bytes.
     */
    public static boolean isCapture(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".capture")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            return LOOKS_LIKE_CAPTURE.matcher(new String(head, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a capture. Every way it can be wrong is one line naming the file and what is wrong: missing, too large,
     * truncated or not JSON, not a capture, of another major version, changed after it was written (the digest),
     * or not of the schema's shape.
     *
     * @param maxEntries most certificates and problems the capture may hold (the source entry limit)
     */
    public static Read read(Path file, int maxEntries) throws UnreadableCaptureException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableCaptureException(file + (Files.exists(file) ? " is not a regular file"
                    : " does not exist"));
        }
        JsonNode capture;
        try (InputStream in = new BoundedInputStream(Files.newInputStream(file), ReportReader.MAX_BYTES,
                () -> new TooLargeException(file + " is larger than " + ReportReader.MAX_BYTES + " bytes; no "
                        + "capture of a real host is"));
             JsonParser parser = ReportReader.boundedJsonFactory().createParser(in)) {
            parser.setCodec(Json.MAPPER);
            capture = parser.readValueAsTree();
            if (parser.nextToken() != null) {
                throw new UnreadableCaptureException(file + " holds more than one JSON value; it is not a capture");
            }
        } catch (TooLargeException e) {
            throw new UnreadableCaptureException(e.getMessage());
        } catch (StreamConstraintsException e) {
            throw new UnreadableCaptureException(file + " is not a capture: it exceeds the parser's bounds ("
                    + SafeText.line(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            throw new UnreadableCaptureException(file + " is truncated or not JSON (" + SafeText.line(
                    e.getOriginalMessage()) + " at line " + e.getLocation().getLineNr() + "); ask for the file "
                    + "again, sent as an attachment in a .zip");
        } catch (IOException e) {
            throw new UnreadableCaptureException("cannot read " + file + ": " + SafeText.line(String.valueOf(
                    e.getMessage())));
        }
        if (capture == null || !capture.isObject() || !FORMAT.equals(capture.path("format").textValue())) {
            throw new UnreadableCaptureException(file + " is not a certaudit capture (no \"format\": \"" + FORMAT
                    + "\")");
        }
        String version = capture.path("schemaVersion").textValue();
        Matcher matcher = version == null ? null : VERSION.matcher(version);
        if (matcher == null || !matcher.matches()) {
            throw new UnreadableCaptureException(file + " has no schema version of the form 1.x");
        }
        if (!matcher.group(1).equals("1")) {
            throw new UnreadableCaptureException(file + " is a capture of schema version " + version + "; this "
                    + "certaudit reads 1.x: audit it with the certaudit version that made it ("
                    + SafeText.line(capture.path("tool").path("version").asText("unknown")) + ") or newer");
        }
        JsonNode digest = capture.path("digest");
        String expected = digest.path("value").textValue();
        if (!"SHA-256".equals(digest.path("algorithm").textValue())
                || !CANONICALIZATION.equals(digest.path("canonicalization").textValue()) || expected == null) {
            throw new UnreadableCaptureException(file + " carries no SHA-256 digest of its content; it cannot be "
                    + "told intact");
        }
        ObjectNode content = ((ObjectNode) capture).deepCopy();
        content.remove("digest");
        if (!digestOf(content).equalsIgnoreCase(expected)) {
            throw new UnreadableCaptureException(file + " was changed or damaged after it was written: its content "
                    + "does not match its SHA-256 digest; ask for the file again, sent as an attachment in a .zip");
        }
        JsonNode host = capture.get("host");
        if (host == null || !host.isObject()) {
            throw new UnreadableCaptureException(file + " is damaged: it holds no host object");
        }
        try {
            String source = "capture " + file.getFileName() + " of " + SafeText.line(host.path("source")
                    .asText("an unnamed source"));
            return new Read(CaptureMapping.read(host, source, maxEntries),
                    capture.path("tool").path("version").asText(null), capture.path("capturedAt").asText(null));
        } catch (DamagedCaptureException e) {
            throw new UnreadableCaptureException(file + " is damaged: " + e.getMessage());
        }
    }

    /**
     * SHA-256 over the capture's canonical form: every object's members sorted by name (UTF-16 code units, as
     * RFC 8785 sorts them), written without whitespace, in UTF-8. Uppercase hex.
     */
    public static String digestOf(JsonNode content) {
        try {
            byte[] canonical = Canonical.MAPPER.writeValueAsBytes(sorted(content));
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> iterator = node.fieldNames();
            iterator.forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Stops reading at the size bound; caught and turned into a one-line message. */
    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
