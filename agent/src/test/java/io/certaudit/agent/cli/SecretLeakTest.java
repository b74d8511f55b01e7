package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.HostFolder;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Audits a host full of private keys (PEM, key files, PFX with a password, one PFX whose password is wrong, damaged
 * keys) and searches everything certaudit writes, every format, standard output and error, error messages, for any
 * trace of key material or a password.
 */
class SecretLeakTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Leak Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Leak Test Issuing CA").ca());
    private static final String PFX_PASSWORD = "Pfx-Pa55word-91827";
    private static final String OTHER_PFX_PASSWORD = "Other-Pa55word-56473";

    @TempDir
    Path dir;

    private final List<PrivateKey> keys = new ArrayList<>();

    private Issued service(String name, TestPki.Spec spec) {
        Issued issued = PKI.issue(CA, spec.freshKey().san(name));
        keys.add(issued.privateKey());
        return issued;
    }

    private Path leakyHost() {
        HostFolder host = new HostFolder(dir.resolve("host"));
        host.pem("ROOT", "root.crt", ROOT);
        host.pem("CA", "issuing.crt", CA);
        Issued pem = service("pem.example.com", PKI.spec("pem.example.com"));
        host.pemWithKey("MY", "pem.pem", pem, pem);
        Issued keyFile = service("keyfile.example.com", PKI.spec("keyfile.example.com"));
        host.pem("MY", "keyfile.crt", keyFile);
        host.key("MY", "keyfile.key", keyFile);
        Issued ec = service("ec.example.com", PKI.spec("ec.example.com").ec("secp384r1"));
        host.pemWithKey("MY", "ec.pem", ec, ec);
        Issued pfx = service("pfx.example.com", PKI.spec("pfx.example.com"));
        host.pfx("MY", "pfx.pfx", PFX_PASSWORD, pfx, CA);
        Issued wrongPassword = service("locked.example.com", PKI.spec("locked.example.com"));
        host.pfx("MY", "locked.pfx", OTHER_PFX_PASSWORD, wrongPassword);
        Issued foreign = service("foreign.example.com", PKI.spec("foreign.example.com"));
        host.pemWithKey("MY", "mismatch.pem", pem, foreign);
        Issued damaged = service("damaged.example.com", PKI.spec("damaged.example.com"));
        host.pem("MY", "damaged.crt", damaged);
        String key = HostFolder.pem("PRIVATE KEY", damaged.privateKey().getEncoded());
        host.write(host.file("MY", "damaged.key"), key.substring(0, key.length() / 2).concat("\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        return host.root();
    }

    @Test
    void noOutputLogOrErrorHoldsKeyMaterialOrAPassword() throws Exception {
        Path host = leakyHost();
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Map<String, String> environment = Map.of("PFX_PASSWORD", PFX_PASSWORD);
        String[] base = {"audit", "--source", host.toString(), "--at", TestPki.NOW.toString(),
            "--pfx-password-env", "PFX_PASSWORD"};
        List<String[]> runs = List.of(
                with(base, "--format", "json"),
                with(base, "--format", "text"),
                with(base, "--output", "json=" + reports.resolve("audit.json"), "--output",
                        "text=" + reports.resolve("audit.txt")),
                with(base, "--output", dir.resolve("missing/audit.json").toString()),
                with(base, "--pfx-password-env", "UNSET_VARIABLE"));
        StringBuilder everything = new StringBuilder();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            for (String[] args : runs) {
                CliRun run = CliRun.run(environment, args);
                everything.append(run.out()).append(run.err());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        everything.append(console.toString(StandardCharsets.UTF_8));
        everything.append(Files.readString(reports.resolve("audit.json")));
        everything.append(Files.readString(reports.resolve("audit.txt")));

        String text = everything.toString();
        assertTrue(text.contains("password is wrong"), "the locked PFX was reported");
        assertTrue(text.contains("damaged.key"), "the damaged key was reported");
        assertFalse(text.contains("PRIVATE KEY"), () -> "a PEM key header: " + text.substring(Math.max(0, text.indexOf("PRIVATE KEY") - 300), text.indexOf("PRIVATE KEY") + 100));
        assertFalse(text.contains(PFX_PASSWORD) || text.contains(OTHER_PFX_PASSWORD), "a PFX password");
        for (PrivateKey key : keys) {
            for (String trace : traces(key)) {
                assertFalse(text.contains(trace), () -> "key material of a " + key.getAlgorithm() + " key: " + trace);
            }
        }
    }

    /** Ways key material could show: base64 pieces of its encoding, the private value in hex or decimal. */
    private static List<String> traces(PrivateKey key) {
        List<String> traces = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        for (int i = 0; i + 24 <= base64.length(); i += 24) {
            traces.add(base64.substring(i, i + 24));
        }
        BigInteger secret = key instanceof RSAPrivateCrtKey rsa ? rsa.getPrivateExponent()
                : ((ECPrivateKey) key).getS();
        byte[] bytes = secret.toByteArray();
        String hex = HexFormat.of().formatHex(Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length));
        traces.add(hex);
        traces.add(hex.toUpperCase(Locale.ROOT));
        String decimal = secret.toString();
        traces.add(decimal.substring(decimal.length() - 24));
        return traces;
    }

    private static String[] with(String[] base, String... extra) {
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }
}
