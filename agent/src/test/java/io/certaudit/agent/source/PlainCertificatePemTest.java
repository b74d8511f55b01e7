package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** The quick PEM path gives what BouncyCastle's PEM parser gives, or steps aside. */
class PlainCertificatePemTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Pem Test Root");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("pem.example.com").ec("secp256r1"));

    private static String pem(Issued certificate, String lineBreak) {
        return "-----BEGIN CERTIFICATE-----" + lineBreak
                + Base64.getMimeEncoder(64, lineBreak.getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.der())
                + lineBreak + "-----END CERTIFICATE-----" + lineBreak;
    }

    /** What the PEM parser reads from {@code text}: the certificates' encodings. */
    private static List<byte[]> parsed(String text) throws IOException {
        List<byte[]> encodings = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                encodings.add(((X509CertificateHolder) object).getEncoded());
            }
        }
        return encodings;
    }

    private static void assertSameAsParser(String text) throws IOException {
        List<byte[]> quick = PlainCertificatePem.decode(text.getBytes(StandardCharsets.US_ASCII));
        assertNotNull(quick, "plain certificate blocks take the quick path");
        List<byte[]> expected = parsed(text);
        assertEquals(expected.size(), quick.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), quick.get(i), "block " + (i + 1));
        }
    }

    @Test
    void readsOneOrManyBlocksWithEitherLineBreakAsTheParserDoes() throws IOException {
        assertSameAsParser(pem(LEAF, "\n"));
        assertSameAsParser(pem(LEAF, "\r\n"));
        assertSameAsParser(pem(LEAF, "\n") + "\n  \n" + pem(ROOT, "\n"));
        String noFinalBreak = pem(ROOT, "\n");
        assertSameAsParser(noFinalBreak.substring(0, noFinalBreak.length() - 1));
        assertSameAsParser("\n\n" + pem(ROOT, "\r\n") + "\r\n");
    }

    @Test
    void aBlockNotInPlainDerStillGivesWhatTheParserGives() throws IOException {
        byte[] der = LEAF.der();
        // The outer length again in four bytes instead of two: valid BER, not DER.
        byte[] longLength = new byte[der.length + 2];
        longLength[0] = der[0];
        longLength[1] = (byte) 0x84;
        System.arraycopy(der, 2, longLength, 4, der.length - 2);
        String text = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(longLength)
                + "\n-----END CERTIFICATE-----\n";
        List<byte[]> quick = PlainCertificatePem.decode(text.getBytes(StandardCharsets.US_ASCII));
        List<byte[]> expected;
        try {
            expected = parsed(text);
        } catch (IOException | RuntimeException refused) {
            assertNull(quick, "what the parser refuses goes to the parser");
            return;
        }
        assertNotNull(quick);
        assertArrayEquals(expected.get(0), quick.get(0));
        assertArrayEquals(der, quick.get(0), "BouncyCastle re-encodes the length in its shortest form");
    }

    @Test
    void aLargeBundleCostsMemoryInProportionToItsSize() {
        String bundle = pem(LEAF, "\n").repeat(2000);
        byte[] content = bundle.getBytes(StandardCharsets.US_ASCII);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<byte[]> blocks = PlainCertificatePem.decode(content);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(2000, blocks.size());
        // A buffer per block sized from the rest of the file would allocate about a thousand times the file.
        assertTrue(allocated < 20L * content.length, allocated + " bytes allocated for a file of " + content.length);
    }

    @Test
    void leavesEverythingElseToTheParser() {
        String leaf = pem(LEAF, "\n");
        List<String> others = List.of(
                "",
                "subject=CN = pem.example.com\n" + leaf,
                leaf + "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
                leaf.replace("CERTIFICATE-----\n", "CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n"),
                leaf.replace("-----BEGIN CERTIFICATE-----", "-----BEGIN TRUSTED CERTIFICATE-----")
                        .replace("-----END CERTIFICATE-----", "-----END TRUSTED CERTIFICATE-----"),
                leaf.replaceFirst("\n([A-Za-z0-9+/]{10})", "\n$1 "),
                leaf.replaceFirst("\n([A-Za-z0-9+/]{10})", "\n\n$1"),
                leaf.replace("-----END CERTIFICATE-----\n", ""),
                leaf + "trailing text\n",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\nA=AA\n-----END CERTIFICATE-----\n");
        for (String other : others) {
            assertNull(PlainCertificatePem.decode(other.getBytes(StandardCharsets.ISO_8859_1)), other);
        }
    }
}
