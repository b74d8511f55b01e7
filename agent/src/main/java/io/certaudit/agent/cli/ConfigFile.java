package io.certaudit.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The settings file ({@code --config}), YAML or JSON, with the same settings as the command-line flags plus
 * per-rule severity overrides ({@code error}, {@code warning}, {@code info}) and {@code off} to disable a rule.
 * Unknown keys are errors, so a misspelt setting is never silently ignored.
 *
 * <pre>
 * poolFqdn: bemsapppool.example.com
 * instanceFqdns: [bemsserver01.example.com, bemsserver02.example.com]
 * expiryWarningDays: 45
 * rules:
 *   eku-missing-client-auth: off
 * peers: [lyncpool.example.com:5061]
 * serviceName: GoodTechnologyConnect   # live Windows audit: whose access to keys and stores is checked
 * limits:
 *   maxFileBytes: 32MiB
 *   maxEntries: 20000
 * checkDns: true                # resolve the names above (opt-in: the lookup leaves the host)
 * expectedAddresses:            # what a name must resolve to, exactly; names without an entry must only resolve
 *   bemsapppool.example.com: [192.0.2.10, 192.0.2.11]
 * checkRevocation: true         # fetch the CRLs and OCSP answers the chains name (opt-in: leaves the host)
 * revocation:
 *   proxy: proxy.example.com:8080
 *   maxFetches: 32
 *   timeoutSeconds: 5
 * </pre>
 */
public record ConfigFile(String poolFqdn, List<String> instanceFqdns, String gatewayAddress,
                         Integer expiryWarningDays, Map<String, String> rules, List<String> peers,
                         Integer peerTimeoutSeconds, String serviceName, String serviceAccount, Limits limits,
                         Boolean checkDns, Map<String, List<String>> expectedAddresses, Boolean checkRevocation,
                         Revocation revocation) {

    /** How much a source reads at most; {@code null} keeps the default. */
    public record Limits(String maxFileBytes, Integer maxEntries) {
    }

    /** How revocation is fetched when it is checked; {@code null} keeps the default. */
    public record Revocation(String proxy, Integer maxFetches, Integer timeoutSeconds) {
    }

    /** Largest config file read; anything larger is not a settings file. */
    static final long MAX_BYTES = 1024 * 1024;

    public ConfigFile {
        instanceFqdns = instanceFqdns == null ? List.of() : List.copyOf(instanceFqdns);
        rules = rules == null ? Map.of() : new LinkedHashMap<>(rules);
        peers = peers == null ? List.of() : List.copyOf(peers);
        limits = limits == null ? new Limits(null, null) : limits;
        expectedAddresses = expectedAddresses == null ? Map.of() : new LinkedHashMap<>(expectedAddresses);
        revocation = revocation == null ? new Revocation(null, null, null) : revocation;
    }

    public static ConfigFile empty() {
        return new ConfigFile(null, List.of(), null, null, Map.of(), List.of(), null, null, null, null, null, null,
                null, null);
    }

    /** Reads {@code file}: YAML unless it ends in {@code .json}. */
    public static ConfigFile load(Path file) throws UsageException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? JsonMapper.builder().build()
                : YAMLMapper.builder(new YAMLFactory()).build();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            ConfigFile config = mapper.readValue(readBounded(file), ConfigFile.class);
            return config == null ? empty() : config;
        } catch (NoSuchFileException e) {
            throw new UsageException("config file " + file + " does not exist");
        } catch (UnrecognizedPropertyException e) {
            // A record's properties are buffered until its end, so the exception's location is the end of the
            // object; the key's own line is looked up instead.
            List<String> key = new ArrayList<>();
            e.getPath().stream().map(step -> step.getFieldName()).filter(step -> step != null).forEach(key::add);
            if (key.isEmpty() || !key.get(key.size() - 1).equals(e.getPropertyName())) {
                key.add(String.valueOf(e.getPropertyName()));
            }
            String line = lineOf(file, key.toArray(String[]::new));
            throw new UsageException("config file " + file + ": unknown setting '" + String.join(".", key) + "'"
                    + (line.isEmpty() ? where(e.getLocation()) : line) + "; known settings: poolFqdn, instanceFqdns, gatewayAddress, "
                    + "expiryWarningDays, rules, peers, peerTimeoutSeconds, serviceName, serviceAccount, limits "
                    + "(maxFileBytes, maxEntries), checkDns, expectedAddresses, checkRevocation, revocation (proxy, "
                    + "maxFetches, timeoutSeconds)");
        } catch (MismatchedInputException e) {
            String setting = e.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .reduce((outer, inner) -> inner.startsWith("[") ? outer + inner : outer + "." + inner)
                    .orElse("the file");
            throw new UsageException("config file " + file + ": setting '" + setting + "'" + where(e.getLocation())
                    + " takes " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // The YAML parser's message goes on with the line quoted and a caret under it: its first line says it.
            String reason = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
            throw new UsageException("config file " + file + " is not valid " + (name.endsWith(".json") ? "JSON"
                    : "YAML") + where(e.getLocation()) + ": " + reason);
        } catch (IOException e) {
            throw new UsageException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's bytes. Only a regular file is opened: a pipe (FIFO) or a device would block the run or never end,
     * and the task runs unattended. It is read with a bound whatever size it claims, since a file can grow.
     */
    private static byte[] readBounded(Path file) throws IOException, UsageException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("config file " + file + " is not a regular file (" + (Files.isDirectory(file)
                    ? "a folder" : "a pipe, device or socket") + "); give the settings file itself");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes((int) MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new UsageException("config file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            return content;
        }
    }

    /**
     * Where the setting at {@code key} (e.g. {@code rules}, {@code eku-missing-client-auth}) is in {@code file}:
     * " (line N)", or "" when the file cannot be read again or does not hold it. Read with the streaming parser,
     * which knows each key's line; the file was already found to be at most {@link #MAX_BYTES}.
     */
    static String lineOf(Path file, String... key) {
        if (file == null) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String step : key) {
            pointer.append('/').append(step.replace("~", "~0").replace("/", "~1"));
        }
        JsonFactory factory = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(readBounded(file))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME
                        && parser.getParsingContext().pathAsPointer().toString().equals(pointer.toString())) {
                    return " (line " + parser.currentTokenLocation().getLineNr() + ")";
                }
            }
        } catch (IOException | UsageException e) {
            return "";
        }
        return "";
    }

    /** What a setting of {@code type} takes, in the file's terms. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list, e.g. [a.example.com, b.example.com]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "indented settings beneath it";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        return "a single value, e.g. bemsapppool.example.com";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
