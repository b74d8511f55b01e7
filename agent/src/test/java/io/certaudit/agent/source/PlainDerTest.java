package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HexFormat;

import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Plain DER is exactly what BouncyCastle's re-encoding leaves unchanged; everything else takes the round trip. */
class PlainDerTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Plain Der Root");
    private static final Issued RSA_LEAF = PKI.issue(ROOT, PKI.spec("rsa.plain.example.com").san("rsa.plain.example.com"));
    private static final Issued EC_LEAF = PKI.issue(ROOT, PKI.spec("ec.plain.example.com").ec("secp256r1"));

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void certificatesAsIssuedArePlainAndReEncodeToThemselves() throws IOException {
        for (Issued certificate : new Issued[] {ROOT, RSA_LEAF, EC_LEAF}) {
            assertTrue(PlainDer.is(certificate.der()), certificate.holder().getSubject().toString());
            assertArrayEquals(certificate.der(), new X509CertificateHolder(certificate.der()).getEncoded());
        }
    }

    @Test
    void nestedElementsInShortestFormArePlain() {
        assertTrue(PlainDer.is(hex("30 06 02 01 05 04 01 ff")));
        assertTrue(PlainDer.is(hex("31 04 a0 02 05 00")), "a SET holding a context-specific element");
        byte[] longForm = new byte[3 + 200];
        longForm[0] = 0x04;
        longForm[1] = (byte) 0x81;
        longForm[2] = (byte) 200;
        assertTrue(PlainDer.is(longForm), "a length of 200 needs the long form");
    }

    @Test
    void whatReEncodingWouldChangeIsNotPlain() {
        assertFalse(PlainDer.is(hex("30 81 03 02 01 05")), "long form for a short length");
        assertFalse(PlainDer.is(hex("30 82 00 03 02 01 05")), "a leading zero in the length");
        assertFalse(PlainDer.is(hex("30 80 02 01 05 00 00")), "indefinite length");
        assertFalse(PlainDer.is(hex("24 03 04 01 ff")), "a constructed OCTET STRING");
        assertFalse(PlainDer.is(hex("10 00")), "a primitive SEQUENCE");
        assertFalse(PlainDer.is(hex("1f 81 00 00")), "a high tag number");
        assertFalse(PlainDer.is(hex("00 00")), "end-of-contents as an element");
    }

    @Test
    void anythingButOneWholeElementIsNotPlain() {
        assertFalse(PlainDer.is(new byte[0]));
        assertFalse(PlainDer.is(hex("30 03 02 01 05 00")), "a byte after the element");
        assertFalse(PlainDer.is(hex("30 04 02 01 05")), "a length past the end");
        assertFalse(PlainDer.is(hex("30 03 02 02 05")), "an inner length past its parent");
        assertFalse(PlainDer.is(hex("30")), "a tag without a length");
    }
}
