package io.certaudit.agent.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Seed inputs for the fuzz tests. The byte seeds are committed under {@code seeds/} beside this class, so every
 * build replays the same bytes: certificates, keys and PFX files of a test PKI, saved audits, and real public roots
 * (a selection taken once from Debian's {@code ca-certificates}, for the variety of real extensions); nothing is read
 * from the build machine. {@link SeedGenerator} wrote them ({@code -Dcertaudit.regenerateDocs=true}); the settings
 * files are literals here. Each seed is replayed as it is, and truncated and bit-flipped copies of it. Validity does
 * not matter to a parser: the replay audits at {@link io.certaudit.testing.TestPki#NOW}, whatever the dates. The
 * inputs fuzzing found ({@code SourceFuzzTestInputs}) replay beside them.
 */
final class Seeds {

    /** Where the committed seeds are, one folder per kind. */
    static final String FOLDER = "/io/certaudit/agent/fuzz/seeds/";

    private Seeds() {
    }

    /** The service certificate the key seeds belong to, PEM. */
    static byte[] leafCertificate() {
        return resource(FOLDER + "leaf.pem");
    }

    /** A root certificate, DER, for audits whose input is not a certificate. */
    static byte[] rootCertificate() {
        return resource(FOLDER + "root.der");
    }

    static Stream<byte[]> certificateFiles() {
        List<byte[]> files = new ArrayList<>(folder("certificateFile"));
        for (byte[] root : folder("roots")) {
            files.add(root);
            files.add(ascii(pem("CERTIFICATE", root)));
        }
        return variants(files);
    }

    static Stream<byte[]> keyFiles() {
        return variants(folder("keyFile"));
    }

    static Stream<byte[]> pfxFiles() {
        return variants(folder("pfxFile"));
    }

    /** Stores written by Wine's crypt32, the serialized readers' own samples. */
    static Stream<byte[]> sstFiles() {
        return variants(List.of(resource("/io/certaudit/agent/source/serialized/wine/my.sst")));
    }

    static Stream<byte[]> registryExports() {
        return variants(List.of(resource("/io/certaudit/agent/source/serialized/wine/my.reg"),
                resource("/io/certaudit/agent/source/serialized/wine/ca.reg"),
                resource("/io/certaudit/agent/source/serialized/wine/policies.reg")));
    }

    /**
     * Saved audits for {@code certaudit report}: real ones (a broken host, a host with peers), copies each changed
     * in one way the schema allows but no audit writes, and the truncated and bit-flipped variants of all of them.
     */
    static Stream<byte[]> savedAudits() {
        return variants(folder("savedAudit"));
    }

    /** The files of one seed folder, in name order. */
    static List<byte[]> folder(String kind) {
        java.net.URL url = Seeds.class.getResource(FOLDER + kind);
        if (url == null) {
            throw new IllegalStateException(FOLDER + kind + " is not on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .equals("README.txt")).sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
            if (seeds.isEmpty()) {
                throw new IllegalStateException(FOLDER + kind + " holds no seed");
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (var in = Seeds.class.getResourceAsStream(name)) {
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

    static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Captures for {@code audit --source FILE.capture}: one of a host with keys, access, a chain-engine verdict, a
     * store entry's records and user-store reads; copies changed in one way the schema does not allow (the fuzz
     * test seals each again, so the change reaches the mapping, not only the digest check); and the variants.
     */
    static Stream<byte[]> captures() {
        return variants(folder("capture"));
    }
}
