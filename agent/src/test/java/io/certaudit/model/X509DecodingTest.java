package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;

/**
 * Decoding without the JDK factory's cache accepts and rejects exactly what the factory does, with the same
 * certificate or the same reason, on generated certificates, the committed fuzz seeds and malformed variants of both.
 */
class X509DecodingTest {

    private static final List<byte[]> CERTIFICATES = new ArrayList<>();

    @BeforeAll
    static void certificates() throws IOException, URISyntaxException {
        TestPki pki = new TestPki();
        TestPki.Issued root = pki.root("Decoding Root");
        CERTIFICATES.add(root.der());
        CERTIFICATES.add(pki.issue(root, pki.spec("rsa.example.test").rsa(2048).san("rsa.example.test")).der());
        CERTIFICATES.add(pki.issue(root, pki.spec("ec.example.test").ec("secp256r1")).der());
        CERTIFICATES.add(pki.issue(root, pki.spec("ec384.example.test").ec("secp384r1")).der());
        Path seeds = Path.of(X509DecodingTest.class.getResource("/io/certaudit/agent/fuzz/seeds").toURI());
        try (Stream<Path> files = Files.walk(seeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                CERTIFICATES.add(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void theJdkPackageIsExportedToTheTests() {
        assertTrue(X509Decoding.direct(), "the tests' JVM must export java.base/sun.security.x509, as the jar does");
    }

    @Test
    void wholeCertificatesAndSeeds() throws Exception {
        for (byte[] input : CERTIFICATES) {
            assertSame(input);
        }
    }

    @Test
    void bytesAfterTheCertificate() throws Exception {
        for (byte[] der : CERTIFICATES) {
            assertSame(concat(der, new byte[] {0}));
            assertSame(concat(der, new byte[] {0, 0}));
            assertSame(concat(der, "\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertSame(concat(der, CERTIFICATES.get(1)));
            assertSame(concat(der, new byte[] {(byte) 0x30}));
        }
    }

    @Test
    void truncations() throws Exception {
        for (byte[] der : CERTIFICATES.subList(0, 4)) {
            for (int length = 0; length < der.length; length += length < 16 ? 1 : 37) {
                assertSame(Arrays.copyOf(der, length));
            }
        }
        for (byte[] input : CERTIFICATES) {
            assertSame(Arrays.copyOf(input, input.length - 1));
            assertSame(Arrays.copyOf(input, Math.min(input.length, 4)));
        }
    }

    @Test
    void bitFlips() throws Exception {
        Random random = new Random(17);
        for (byte[] input : CERTIFICATES) {
            for (int i = 0; i < Math.min(input.length, 8); i++) {
                for (int bit = 0; bit < 8; bit++) {
                    assertSame(flip(input, i, bit));
                }
            }
            for (int n = 0; n < 40; n++) {
                assertSame(flip(input, random.nextInt(input.length), random.nextInt(8)));
            }
        }
    }

    @Test
    void otherLengthForms() throws Exception {
        for (byte[] der : CERTIFICATES.subList(0, 4)) {
            byte[] content = content(der);
            // BER indefinite length, with and without its end-of-contents octets, and with bytes after them.
            assertSame(concat(new byte[] {0x30, (byte) 0x80}, content, new byte[] {0, 0}));
            assertSame(concat(new byte[] {0x30, (byte) 0x80}, content));
            assertSame(concat(new byte[] {0x30, (byte) 0x80}, content, new byte[] {0, 0, 5}));
            // Longer length forms than DER allows, and one longer than the factory reads.
            for (int lengthBytes = 2; lengthBytes <= 5; lengthBytes++) {
                byte[] header = new byte[2 + lengthBytes];
                header[0] = 0x30;
                header[1] = (byte) (0x80 | lengthBytes);
                for (int i = 0; i < lengthBytes; i++) {
                    header[header.length - 1 - i] = (byte) (content.length >>> (8 * i));
                }
                assertSame(concat(header, content));
                assertSame(concat(header, content, new byte[] {1}));
            }
            // A four-byte length of 2^31 or more, and a length longer than the input.
            assertSame(concat(new byte[] {0x30, (byte) 0x84, (byte) 0x80, 0, 0, 0}, content));
            assertSame(concat(new byte[] {0x30, (byte) 0x82, (byte) 0xff, (byte) 0xff}, content));
            assertSame(new byte[] {0x30, (byte) 0x81});
            assertSame(new byte[] {0x30, (byte) 0x85, 0, 0, 0, 0, 1, 0});
        }
    }

    @Test
    void pemText() throws Exception {
        for (byte[] der : CERTIFICATES.subList(0, 4)) {
            String body = Base64.getMimeEncoder().encodeToString(der);
            byte[] pem = ("-----BEGIN CERTIFICATE-----\r\n" + body + "\r\n-----END CERTIFICATE-----\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            assertSame(pem);
            assertSame(concat("garbage before\n".getBytes(StandardCharsets.US_ASCII), pem));
            assertSame(Arrays.copyOf(pem, pem.length / 2));
        }
        assertSame(new byte[0]);
        assertSame("\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Both ways accept with the same certificate, or both reject with the same exception and reason. */
    private static void assertSame(byte[] input) {
        Outcome viaFactory = outcome(() -> X509Decoding.viaFactory(input.clone()));
        Outcome direct = outcome(() -> X509Decoding.decode(input.clone()));
        assertEquals(viaFactory, direct, () -> "input of " + input.length + " bytes: "
                + (input.length > 64 ? Arrays.toString(Arrays.copyOf(input, 64)) + "..." : Arrays.toString(input)));
    }

    private interface Decode {
        X509Certificate decode() throws Exception;
    }

    private record Outcome(String kind, String detail) {
    }

    private static Outcome outcome(Decode decode) {
        try {
            X509Certificate certificate = decode.decode();
            return new Outcome("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + " " + certificate.getSubjectX500Principal() + " " + certificate.getSigAlgName());
        } catch (Exception | Error e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new Outcome("rejected " + e.getClass().getName(), root.getClass().getName() + ": "
                    + root.getMessage());
        }
    }

    private static byte[] content(byte[] der) {
        int n = der[1] & 0xff;
        int header = n < 0x80 ? 2 : 2 + (n - 0x80);
        return Arrays.copyOfRange(der, header, der.length);
    }

    private static byte[] flip(byte[] input, int index, int bit) {
        byte[] copy = input.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
