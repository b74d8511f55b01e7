package io.certaudit.agent.fuzz;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.JsonReportWriter;
import io.certaudit.agent.report.ReportScenarios;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Seed inputs for the fuzz tests, made when the tests run rather than committed, so none of them expires: the test
 * PKI's certificates, keys and PFX files, real roots from the build machine's {@code ca-certificates} bundle when it
 * has one, and truncated and bit-flipped copies of each. The committed inputs ({@code SourceFuzzTestInputs}) hold
 * what fuzzing found.
 */
final class Seeds {

    static final TestPki PKI = new TestPki();
    static final Issued ROOT = PKI.root("Fuzz Seed Root");
    static final Issued CA = PKI.issue(ROOT, PKI.spec("Fuzz Seed Issuing CA").ca());
    static final Issued LEAF = PKI.issue(CA, PKI.spec("bemsapppool.example.com")
            .san("bemsapppool.example.com", "bemsserver01.example.com"));
    static final Issued EC_LEAF = PKI.issue(CA, PKI.spec("ec.example.com").ec("secp256r1").san("ec.example.com"));

    /** The Debian bundle of trusted roots; absent on other systems, which then fuzz from the test PKI alone. */
    private static final Path SYSTEM_ROOTS = Path.of("/etc/ssl/certs/ca-certificates.crt");
    /** Every n-th system root is a seed: enough variety, few enough to keep the regression run in seconds. */
    private static final int SYSTEM_ROOT_STRIDE = 12;

    private Seeds() {
    }

    static Stream<byte[]> certificateFiles() {
        List<byte[]> files = new ArrayList<>();
        files.add(ascii(pem("CERTIFICATE", LEAF.der())));
        files.add(LEAF.der());
        files.add(EC_LEAF.der());
        files.add(ascii(pem("CERTIFICATE", LEAF.der()) + pem("CERTIFICATE", CA.der()) + pem("CERTIFICATE", ROOT.der())));
        files.add(ascii(pem("CERTIFICATE", LEAF.der()) + pem("PRIVATE KEY", LEAF.privateKey().getEncoded())));
        files.add(ascii(pem("TRUSTED CERTIFICATE", ROOT.der())));
        for (byte[] root : systemRoots()) {
            files.add(root);
            files.add(ascii(pem("CERTIFICATE", root)));
        }
        return variants(files);
    }

    static Stream<byte[]> keyFiles() {
        List<byte[]> files = new ArrayList<>();
        files.add(ascii(pem("PRIVATE KEY", LEAF.privateKey().getEncoded())));
        files.add(ascii(jcaPem(LEAF.keys())));
        files.add(ascii(jcaPem(EC_LEAF.keys())));
        files.add(ascii(pem("ENCRYPTED PRIVATE KEY", encrypted(LEAF))));
        return variants(files);
    }

    static Stream<byte[]> pfxFiles() {
        return variants(List.of(pfx("", LEAF, CA, ROOT), pfx("", EC_LEAF), pfx("secret", LEAF)));
    }

    /** Stores written by Wine's crypt32, the serialized readers' own samples. */
    static Stream<byte[]> sstFiles() {
        return variants(List.of(resource("my.sst")));
    }

    static Stream<byte[]> registryExports() {
        return variants(List.of(resource("my.reg"), resource("ca.reg"), resource("policies.reg")));
    }

    private static byte[] resource(String name) {
        try (var in = Seeds.class.getResourceAsStream("/io/certaudit/agent/source/serialized/wine/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<byte[]> yamlConfigs() {
        return Stream.of("""
                poolFqdn: bemsapppool.example.com
                instanceFqdns: [bemsserver01.example.com, bemsserver02.example.com]
                gatewayAddress: sbcexternal.contoso.com
                expiryWarningDays: 30
                rules:
                  eku-missing-client-auth: off
                  crl-distribution-point-missing: info
                limits:
                  maxFileBytes: 16MiB
                  maxEntries: 10000
                """, "", "rules: {key-too-short: warning}\n", "anchors: &a [*a]\n",
                "instanceFqdns: &n [a.example.com, *n]\n").map(Seeds::ascii);
    }

    static Stream<byte[]> jsonConfigs() {
        return Stream.of("""
                {"poolFqdn": "bemsapppool.example.com", "instanceFqdns": ["bemsserver01.example.com"],
                 "expiryWarningDays": 30, "rules": {"eku-missing-client-auth": "off"},
                 "limits": {"maxFileBytes": "16M", "maxEntries": 100}}
                """, "{}", "[]", "null").map(Seeds::ascii);
    }

    /**
     * Saved audits for {@code certaudit report}: real ones (a broken host, a host with peers), copies each changed
     * in one way the schema allows but no audit writes (an empty chain, empty thumbprints, dates and labels that do
     * not parse or are unknown), and the truncated and bit-flipped variants of all of them.
     */
    static Stream<byte[]> savedAudits() {
        List<String> audits = List.of(json(ReportScenarios.brokenMtls()), json(ReportScenarios.withPeers()));
        List<byte[]> files = new ArrayList<>();
        for (String audit : audits) {
            files.add(ascii(audit));
            files.add(ascii(audit.replaceAll("\"elements\" : \\[[^\\]]*\\]", "\"elements\" : [ ]")));
            files.add(ascii(audit.replaceAll("\"thumbprint\" : \"[0-9A-F]+\"", "\"thumbprint\" : \"\"")));
            files.add(ascii(audit.replaceAll("\"(notAfter|notBefore|evaluatedAt)\" : \"[^\"]+\"",
                    "\"$1\" : \"yesterday\"")));
            files.add(ascii(audit.replaceAll("\"(status|severity|result|store)\" : \"[^\"]+\"",
                    "\"$1\" : \"odd\"")));
            files.add(ascii(audit.replace("\"schemaVersion\" : \"1.", "\"schemaVersion\" : \"9.")));
        }
        return variants(files);
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

    /** Each file, then copies cut in half and by one byte and two with a few bits flipped. */
    private static Stream<byte[]> variants(List<byte[]> files) {
        Random random = new Random(files.size());
        return files.stream().flatMap(file -> Stream.of(file, Arrays.copyOf(file, file.length / 2),
                Arrays.copyOf(file, Math.max(0, file.length - 1)), flipped(file, random), flipped(file, random)));
    }

    private static byte[] flipped(byte[] file, Random random) {
        byte[] copy = file.clone();
        for (int i = 0; i < 4 && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static List<byte[]> systemRoots() {
        if (!Files.isReadable(SYSTEM_ROOTS)) {
            return List.of();
        }
        try {
            Matcher block = Pattern.compile("-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----")
                    .matcher(Files.readString(SYSTEM_ROOTS, StandardCharsets.US_ASCII));
            List<byte[]> roots = new ArrayList<>();
            for (int i = 0; block.find(); i++) {
                if (i % SYSTEM_ROOT_STRIDE == 0) {
                    roots.add(Base64.getMimeDecoder().decode(block.group(1)));
                }
            }
            return roots;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The traditional OpenSSL form: {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}. */
    private static String jcaPem(java.security.KeyPair keys) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static byte[] encrypted(Issued issued) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build();
            return new JcaPKCS8Generator(issued.privateKey(), encryptor).generate().getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pfx(String password, Issued leaf, Issued... chain) {
        try {
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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Captures for {@code audit --source FILE.capture}: one of a host with keys, access, a chain-engine verdict, a
     * store entry's records and user-store reads; copies changed in one way the schema does not allow (the fuzz
     * test seals each again, so the change reaches the mapping, not only the digest check); and the variants.
     */
    static Stream<byte[]> captures() {
        String capture = new String(captureOf(CaptureSeedHost.snapshot()), StandardCharsets.UTF_8);
        List<byte[]> files = new ArrayList<>();
        files.add(ascii(capture));
        files.add(ascii(capture.replaceAll("\"store\" : \"[A-Z]+\"", "\"store\" : \"ELSEWHERE\"")));
        files.add(ascii(capture.replaceAll("\"errorStatus\" : \"[^\"]+\"", "\"errorStatus\" : \"0xZZ\"")));
        files.add(ascii(capture.replaceAll("\"der\" : \"[^\"]+\"", "\"der\" : \"MAMCAQA=\"")));
        files.add(ascii(capture.replaceAll("\"(present|canRead|outcome|kind)\" : \"[^\"]+\"", "\"$1\" : \"odd\"")));
        files.add(ascii(capture.replace("\"certificates\" : [", "\"certificates\" : {\"x\": [").replace(
                "\"userStoreCertificates\"", "\"y\": 1}, \"userStoreCertificates\"")));
        files.add(ascii(capture.replace("\"schemaVersion\" : \"1.", "\"schemaVersion\" : \"9.")));
        return variants(files);
    }

    private static byte[] captureOf(io.certaudit.model.HostSnapshot snapshot) {
        try {
            Path file = Files.createTempFile("seed", ".capture");
            try {
                io.certaudit.agent.capture.CaptureFile.write(file, snapshot,
                        new io.certaudit.agent.capture.CaptureFile.Maker("seed", TestPki.NOW, "Windows", "10.0"));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | io.certaudit.agent.report.OutputException e) {
            throw new IllegalStateException(e);
        }
    }
}
