package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Which format each {@code --output} file gets: its FORMAT=, else its name's ending, else --format. */
class OutputFormatTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Output Test Root");

    @TempDir
    Path dir;
    private HostFolder host;

    @BeforeEach
    void host() {
        host = new HostFolder(dir.resolve("bems01"));
        host.pem("ROOT", "root.crt", ROOT);
    }

    private CliRun audit(String... extra) {
        String[] base = {"audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void aKnownEndingSaysTheFormat() throws Exception {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.HTML");
        Path prom = dir.resolve("r.prom");
        Path ndjson = dir.resolve("r.ndjson");
        Path text = dir.resolve("r.txt");
        CliRun run = audit("--output", json.toString(), "--output", html.toString(), "--output", prom.toString(),
                "--output", ndjson.toString(), "--output", text.toString());
        assertTrue(run.exitCode() < 3, run::toString);
        ReportSchema.assertValid(Files.readString(json));
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"), Files.readString(html));
        assertTrue(Files.readString(prom).contains("\ncertaudit_status "), Files.readString(prom));
        assertTrue(Files.readString(ndjson).lines().allMatch(line -> line.startsWith("{\"type\":")));
        assertTrue(Files.readString(text).startsWith("CERTAUDIT "), Files.readString(text));
        assertEquals("", run.out());
    }

    @Test
    void anyOtherNameTakesFormatAndFormatEqualsFileWins() throws Exception {
        Path other = dir.resolve("audit.out");
        Path forced = dir.resolve("kept-name.txt");
        CliRun run = audit("--format", "json", "--output", other.toString(), "--output", "json=" + forced);
        assertTrue(run.exitCode() < 3, run::toString);
        ReportSchema.assertValid(Files.readString(other));
        ReportSchema.assertValid(Files.readString(forced));
        Path plain = dir.resolve("audit.log");
        assertTrue(audit("--output", plain.toString()).exitCode() < 3);
        assertTrue(Files.readString(plain).startsWith("CERTAUDIT "), "text is the default");
    }

    @Test
    void aNameContradictingFormatIsRefusedBeforeAnyWork() {
        Path json = dir.resolve("r.json");
        CliRun run = audit("--format", "html", "--output", json.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("named as json but --format is html"), run.err());
        assertTrue(run.err().contains("html=" + json), run.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void aFormatNoOutputTakesIsRefusedNotDropped() {
        Path json = dir.resolve("x.json");
        CliRun run = audit("--output", "json=" + json, "--format", "html");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--format html names a format no --output file takes"), run.err());
        assertTrue(run.err().contains("--output html=FILE"), run.err());
        assertFalse(Files.exists(json));
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void formatAgreeingWithTheNamesIsAccepted() throws Exception {
        Path json = dir.resolve("r.json");
        Path prom = dir.resolve("r.prom");
        CliRun run = audit("--format", "json", "--output", json.toString(), "--output", "prometheus=" + prom);
        assertTrue(run.exitCode() < 3, run::toString);
        ReportSchema.assertValid(Files.readString(json));
        assertTrue(Files.readString(prom).contains("certaudit_status"));
    }
}
