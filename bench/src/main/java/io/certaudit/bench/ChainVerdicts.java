package io.certaudit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.Json;

/**
 * Which Personal certificates have a broken chain, according to certaudit's JSON report, to {@code openssl verify}
 * and to the generator, and whether the three agree. Certificates are named by their file name in MY.
 *
 * <p>{@code java io.certaudit.bench.ChainVerdicts GENERATED_DIR AUDIT_JSON OPENSSL_STDOUT}: prints the counts and
 * any disagreement, exits 0 when all three agree and 1 otherwise.
 */
public final class ChainVerdicts {

    /** The broken-chain sets of the three judges over the same Personal files. */
    public record Comparison(Set<String> personal, Set<String> expected, Set<String> certaudit,
                             Set<String> openssl) {

        public boolean agree() {
            return expected.equals(certaudit) && expected.equals(openssl);
        }

        /** One line of counts, then up to ten disagreements of each judge with the generator. */
        public String describe() {
            StringBuilder text = new StringBuilder(String.format(
                    "broken chains among %d MY certificates: expected %d, certaudit %d, openssl %d: %s%n",
                    personal.size(), expected.size(), certaudit.size(), openssl.size(),
                    agree() ? "all agree" : "DISAGREE"));
            differences(text, "certaudit", certaudit);
            differences(text, "openssl", openssl);
            return text.toString();
        }

        private void differences(StringBuilder text, String judge, Set<String> judged) {
            Set<String> missed = new TreeSet<>(expected);
            missed.removeAll(judged);
            Set<String> extra = new TreeSet<>(judged);
            extra.removeAll(expected);
            if (!missed.isEmpty()) {
                text.append("  ").append(judge).append(" finds complete ").append(missed.size())
                        .append(" expected broken, e.g. ").append(first(missed)).append(System.lineSeparator());
            }
            if (!extra.isEmpty()) {
                text.append("  ").append(judge).append(" finds broken ").append(extra.size())
                        .append(" expected complete, e.g. ").append(first(extra)).append(System.lineSeparator());
            }
        }

        private static List<String> first(Set<String> names) {
            return names.stream().limit(10).toList();
        }
    }

    private ChainVerdicts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ChainVerdicts GENERATED_DIR AUDIT_JSON OPENSSL_STDOUT");
            System.exit(3);
        }
        Comparison comparison = compare(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.print(comparison.describe());
        System.exit(comparison.agree() ? 0 : 1);
    }

    /** Compares the verdicts on the host generated in {@code generated}. */
    public static Comparison compare(Path generated, Path auditJson, Path opensslStdout) throws IOException {
        Set<String> personal = personalFiles(generated.resolve("host").resolve("MY"));
        Set<String> expected = new TreeSet<>(Files.readAllLines(generated.resolve(SyntheticHost.EXPECTED_BROKEN),
                StandardCharsets.US_ASCII));
        expected.remove("");
        return new Comparison(personal, expected, brokenByCertaudit(auditJson), brokenByOpenssl(opensslStdout,
                personal));
    }

    /** The file names of MY in the report whose chain status is anything but {@code complete}. */
    public static Set<String> brokenByCertaudit(Path auditJson) throws IOException {
        JsonNode report = Json.MAPPER.readTree(auditJson.toFile());
        Set<String> broken = new TreeSet<>();
        for (JsonNode store : report.path("stores")) {
            if (!store.path("name").asText().equals("MY")) {
                continue;
            }
            for (JsonNode certificate : store.path("certificates")) {
                if (!certificate.path("chain").path("status").asText().equals("complete")) {
                    broken.add(fileName(withoutBlockNumber(certificate.path("origin").asText())));
                }
            }
        }
        return broken;
    }

    /**
     * The files of {@code personal} that openssl did not report {@code FILE: OK} for; failures go to standard
     * error in a format that varies between versions, success is one stable line on standard output.
     */
    public static Set<String> brokenByOpenssl(Path opensslStdout, Set<String> personal) throws IOException {
        Set<String> broken = new TreeSet<>(personal);
        for (String line : Files.readAllLines(opensslStdout, StandardCharsets.UTF_8)) {
            if (line.endsWith(": OK")) {
                broken.remove(fileName(line.substring(0, line.length() - ": OK".length())));
            }
        }
        return broken;
    }

    private static Set<String> personalFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** A PEM file's certificates have origins {@code FILE#1}, {@code FILE#2}... */
    private static String withoutBlockNumber(String origin) {
        int hash = origin.lastIndexOf('#');
        return hash < 0 ? origin : origin.substring(0, hash);
    }

    private static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }
}
