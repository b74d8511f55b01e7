package io.certaudit.agent.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.certaudit.agent.capture.CaptureFile;
import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.ReportScenarios;
import io.certaudit.model.HostSnapshot;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Writes the committed fuzz seeds ({@link Seeds}) made from a test PKI and the report scenarios, with
 * {@code -Dcertaudit.regenerateDocs=true}, into src/test/resources; a build without the switch replays the committed
 * files and makes no key. The public roots under {@code seeds/roots} are not made here: they are real certificates.
 */
@EnabledIfSystemProperty(named = "certaudit.regenerateDocs", matches = "true")
class SeedGenerator {

    private static final Path FOLDER = Path.of("src/test/resources" + Seeds.FOLDER);

    @Test
    void writeTheSeeds() throws Exception {
        TestPki pki = new TestPki();
        Issued root = pki.root("Fuzz Seed Root");
        Issued ca = pki.issue(root, pki.spec("Fuzz Seed Issuing CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("bemsapppool.example.com")
                .san("bemsapppool.example.com", "bemsserver01.example.com"));
        Issued ecLeaf = pki.issue(ca, pki.spec("ec.example.com").ec("secp256r1").san("ec.example.com"));

        Files.write(FOLDER.resolve("leaf.pem"), Seeds.ascii(Seeds.pem("CERTIFICATE", leaf.der())));
        Files.write(FOLDER.resolve("root.der"), root.der());

        Map<String, byte[]> certificates = new LinkedHashMap<>();
        certificates.put("leaf.pem", Seeds.ascii(Seeds.pem("CERTIFICATE", leaf.der())));
        certificates.put("leaf.der", leaf.der());
        certificates.put("ec-leaf.der", ecLeaf.der());
        certificates.put("chain.pem", Seeds.ascii(Seeds.pem("CERTIFICATE", leaf.der())
                + Seeds.pem("CERTIFICATE", ca.der()) + Seeds.pem("CERTIFICATE", root.der())));
        certificates.put("leaf-and-key.pem", Seeds.ascii(Seeds.pem("CERTIFICATE", leaf.der())
                + Seeds.pem("PRIVATE KEY", leaf.privateKey().getEncoded())));
        certificates.put("trusted-certificate.pem", Seeds.ascii(Seeds.pem("TRUSTED CERTIFICATE", root.der())));
        write("certificateFile", certificates);

        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("pkcs8.pem", Seeds.ascii(Seeds.pem("PRIVATE KEY", leaf.privateKey().getEncoded())));
        keys.put("rsa-traditional.pem", Seeds.ascii(traditional(leaf.keys())));
        keys.put("ec-traditional.pem", Seeds.ascii(traditional(ecLeaf.keys())));
        keys.put("pkcs8-encrypted.pem", Seeds.ascii(Seeds.pem("ENCRYPTED PRIVATE KEY", encrypted(leaf))));
        write("keyFile", keys);

        Map<String, byte[]> pfx = new LinkedHashMap<>();
        pfx.put("chain-no-password.pfx", pfx("", leaf, ca, root));
        pfx.put("ec-no-password.pfx", pfx("", ecLeaf));
        pfx.put("password-secret.pfx", pfx("secret", leaf));
        write("pfxFile", pfx);

        Map<String, byte[]> audits = new LinkedHashMap<>();
        Map<String, String> scenarios = Map.of("broken", json(ReportScenarios.brokenMtls()),
                "peers", json(ReportScenarios.withPeers()));
        for (Map.Entry<String, String> scenario : new java.util.TreeMap<>(scenarios).entrySet()) {
            String audit = scenario.getValue();
            String name = scenario.getKey();
            audits.put(name + ".json", Seeds.ascii(audit));
            audits.put(name + "-empty-chain.json", Seeds.ascii(audit.replaceAll("\"elements\" : \\[[^\\]]*\\]",
                    "\"elements\" : [ ]")));
            audits.put(name + "-empty-thumbprints.json", Seeds.ascii(audit.replaceAll(
                    "\"thumbprint\" : \"[0-9A-F]+\"", "\"thumbprint\" : \"\"")));
            audits.put(name + "-odd-dates.json", Seeds.ascii(audit.replaceAll(
                    "\"(notAfter|notBefore|evaluatedAt)\" : \"[^\"]+\"", "\"$1\" : \"yesterday\"")));
            audits.put(name + "-odd-labels.json", Seeds.ascii(audit.replaceAll(
                    "\"(status|severity|result|store)\" : \"[^\"]+\"", "\"$1\" : \"odd\"")));
            audits.put(name + "-future-schema.json", Seeds.ascii(audit.replace("\"schemaVersion\" : \"1.",
                    "\"schemaVersion\" : \"9.")));
        }
        write("savedAudit", audits);
        assertTrue(Files.isDirectory(FOLDER.resolve("roots")), "the public roots are committed, not made");
    }

    /** The capture seeds: a host with every typed fact a capture carries, and copies the schema does not allow. */
    @Test
    void writeTheCaptureSeeds() throws Exception {
        String capture = new String(captureOf(CaptureSeedHost.snapshot()), StandardCharsets.UTF_8);
        Map<String, byte[]> captures = new LinkedHashMap<>();
        captures.put("host.capture", Seeds.ascii(capture));
        captures.put("other-store.capture", Seeds.ascii(capture.replaceAll("\"store\" : \"[A-Z]+\"",
                "\"store\" : \"ELSEWHERE\"")));
        captures.put("odd-status.capture", Seeds.ascii(capture.replaceAll("\"errorStatus\" : \"[^\"]+\"",
                "\"errorStatus\" : \"0xZZ\"")));
        captures.put("tiny-der.capture", Seeds.ascii(capture.replaceAll("\"der\" : \"[^\"]+\"",
                "\"der\" : \"MAMCAQA=\"")));
        captures.put("odd-labels.capture", Seeds.ascii(capture.replaceAll(
                "\"(present|canRead|outcome|kind)\" : \"[^\"]+\"", "\"$1\" : \"odd\"")));
        captures.put("object-for-list.capture", Seeds.ascii(capture.replace("\"certificates\" : [",
                "\"certificates\" : {\"x\": [").replace("\"userStoreCertificates\"",
                "\"y\": 1}, \"userStoreCertificates\"")));
        captures.put("odd-settings.capture", Seeds.ascii(capture.replaceAll(
                "\"(origin|state)\" : \"[A-Z_]+\"", "\"$1\" : \"odd\"")));
        captures.put("wide-dword.capture", Seeds.ascii(capture.replaceAll("\"value\" : [0-9]+",
                "\"value\" : 4294967296").replaceAll("\"build\" : [0-9]+", "\"build\" : -1")));
        captures.put("future-schema.capture", Seeds.ascii(capture.replace("\"schemaVersion\" : \"1.",
                "\"schemaVersion\" : \"9.")));
        write("capture", captures);
    }

    private static byte[] captureOf(HostSnapshot snapshot) throws IOException, OutputException {
        Path file = Files.createTempFile("seed", ".capture");
        try {
            CaptureFile.write(file, snapshot, new CaptureFile.Maker("seed", TestPki.NOW, "Windows", "10.0"));
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(String kind, Map<String, byte[]> seeds) throws IOException {
        Path folder = Files.createDirectories(FOLDER.resolve(kind));
        try (var old = Files.list(folder)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        int number = 0;
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(folder.resolve(String.format("%02d-%s", ++number, seed.getKey())), seed.getValue());
        }
    }

    private static String json(AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            new JsonReportWriter().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The traditional OpenSSL form: {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}. */
    private static String traditional(java.security.KeyPair keys) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(keys);
        }
        return text.toString();
    }

    private static byte[] encrypted(Issued issued) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build();
        return new JcaPKCS8Generator(issued.privateKey(), encryptor).generate().getContent();
    }

    private static byte[] pfx(String password, Issued leaf, Issued... chain) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate[] certificates = new Certificate[chain.length + 1];
        certificates[0] = x509.generateCertificate(new java.io.ByteArrayInputStream(leaf.der()));
        for (int i = 0; i < chain.length; i++) {
            certificates[i + 1] = x509.generateCertificate(new java.io.ByteArrayInputStream(chain[i].der()));
        }
        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        pkcs12.load(null, null);
        pkcs12.setKeyEntry("service", leaf.privateKey(), password.toCharArray(), certificates);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pkcs12.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
