package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** A .reg export of the SCHANNEL key (and of the Windows version) given as --source beside the stores. */
class SchannelSourceTest {

    private static final TestPki PKI = new TestPki();

    @TempDir
    Path dir;

    /** A host whose Trusted Root names take more than SChannel's 16 KB. */
    private HostFolder hostWithALargeTrustedRoot() {
        HostFolder host = new HostFolder(dir.resolve("bems01"));
        for (int i = 0; i < 17; i++) {
            host.pem("ROOT", "root" + i + ".pem", PKI.selfSigned(PKI.spec("CN=Large Root " + i + " "
                    + "x".repeat(1000) + ",O=Example").ca().ec("secp256r1")));
        }
        return host;
    }

    /** What {@code reg export} writes: UTF-16LE with a byte-order mark, CRLF lines. */
    private Path regExport(String name, String... lines) throws IOException {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n" + String.join("\r\n", lines) + "\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[body.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(body, 0, file, 2, body.length);
        return Files.write(dir.resolve(name), file);
    }

    private static JsonNode rule(JsonNode report, String id) {
        for (JsonNode rule : report.get("rules")) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no outcome for " + id);
    }

    @Test
    void theSettingsAndWindowsVersionDecideWhetherTheTrustedRootSizeMatters() throws IOException {
        HostFolder host = hostWithALargeTrustedRoot();
        CliRun unknown = CliRun.run("audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
                "--format", "json");
        JsonNode withoutSettings = ReportSchema.assertValid(unknown.out());
        assertEquals("failed", rule(withoutSettings, "root-store-too-large").get("result").asText(), unknown::toString);

        Path schannel = regExport("schannel.reg",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                "\"EventLogging\"=dword:00000001", "",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols]");
        Path version = regExport("version.reg",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"", "\"CurrentBuildNumber\"=\"17763\"");
        CliRun known = CliRun.run("audit", "--source", host.root().toString(), "--source", schannel.toString(),
                "--source", version.toString(), "--at", TestPki.NOW.toString(), "--format", "json");
        JsonNode report = ReportSchema.assertValid(known.out());

        assertEquals("not-applicable", rule(report, "root-store-too-large").get("result").asText(), known::toString);
        JsonNode settings = report.get("schannel");
        assertEquals("registry export", settings.get("origin").asText());
        assertEquals("absent", settings.get("sendTrustedIssuerList").get("state").asText());
        assertEquals("Machine Trust", settings.get("trustMode").asText());
        assertEquals("Windows Server 2019 Standard (build 17763)", settings.get("windowsVersion").asText());
        assertEquals("ROOT", report.get("stores").get(2).get("name").asText());
        assertTrue(report.get("stores").get(2).get("given").asBoolean(), "the folder's store stays given");
        assertEquals("CLIENT_AUTH_ISSUER", report.get("stores").get(4).get("name").asText());
        assertEquals(false, report.get("stores").get(4).get("given").asBoolean());
    }

    @Test
    void aValueThatSendsTheListMakesItAWarning() throws IOException {
        Path schannel = regExport("schannel.reg",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                "\"SendTrustedIssuerList\"=dword:00000001");
        CliRun run = CliRun.run("audit", "--source", hostWithALargeTrustedRoot().root().toString(), "--source",
                schannel.toString(), "--at", TestPki.NOW.toString(), "--format", "json");
        JsonNode report = ReportSchema.assertValid(run.out());

        assertEquals(1, run.exitCode(), run::toString);
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("rule").asText().equals("root-store-too-large")) {
                assertEquals("yes", finding.get("evidence").get("issuerListSent").asText());
                return;
            }
        }
        throw new AssertionError("no root-store-too-large finding: " + run);
    }

    /**
     * A capture of the folder host and the registry exports, audited, reaches the verdict the audit of the sources
     * reaches: not applicable where the value 0 and a known build say the list is not sent, a warning where the
     * build's default sends it. Both verdicts hang on the settings and the build travelling in the capture.
     */
    @Test
    void aCaptureOfTheFolderAndTheRegistryExportsAuditsToTheSameVerdict() throws IOException {
        HostFolder host = hostWithALargeTrustedRoot();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("not-applicable", new String[] {"\"SendTrustedIssuerList\"=dword:00000000", "17763",
                "Windows Server 2019 Standard"});
        cases.put("failed", new String[] {"\"ClientAuthTrustMode\"=dword:00000002", "7601",
                "Windows Server 2008 R2 Enterprise"});
        for (Map.Entry<String, String[]> expected : cases.entrySet()) {
            String[] values = expected.getValue();
            Path schannel = regExport("schannel.reg",
                    "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                    values[0]);
            Path version = regExport("version.reg",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                    "\"ProductName\"=\"" + values[2] + "\"", "\"CurrentBuildNumber\"=\"" + values[1] + "\"");
            List<String> sources = List.of("--source", host.root().toString(), "--source", schannel.toString(),
                    "--source", version.toString());
            Path capture = dir.resolve("bems01-" + expected.getKey() + ".capture");
            CliRun made = CliRun.run(Stream.concat(Stream.of("capture"), Stream.concat(sources.stream(),
                    Stream.of("--output", capture.toString()))).toArray(String[]::new));
            assertEquals(0, made.exitCode(), made::toString);

            JsonNode direct = audit(sources);
            JsonNode fromCapture = audit(List.of("--source", capture.toString()));

            assertEquals(expected.getKey(), rule(direct, "root-store-too-large").get("result").asText());
            assertEquals(rule(direct, "root-store-too-large"), rule(fromCapture, "root-store-too-large"));
            for (String field : List.of("status", "exitCode", "summary", "stores", "problems", "findings",
                    "schannel")) {
                assertEquals(direct.get(field), fromCapture.get(field), field);
            }
            assertEquals(values[2] + " (build " + values[1] + ")",
                    fromCapture.get("schannel").get("windowsVersion").asText());
        }
    }

    private static JsonNode audit(List<String> sources) {
        List<String> args = new ArrayList<>(List.of("audit"));
        args.addAll(sources);
        args.addAll(List.of("--at", TestPki.NOW.toString(), "--format", "json"));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        return ReportSchema.assertValid(run.out());
    }
}
