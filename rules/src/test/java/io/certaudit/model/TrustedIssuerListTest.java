package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class TrustedIssuerListTest {

    private static final TestPki PKI = new TestPki();

    private static int encodedName(Issued certificate) throws IOException {
        return certificate.subject().getEncoded().length;
    }

    @Test
    void eachDistinctCertificateCostsItsEncodedSubjectAndTwoLengthBytes() throws IOException {
        Issued first = PKI.root("Issuer List Root One");
        Issued second = PKI.root("CN=Issuer List Root Two,O=Example Corp,C=US");
        StoredCertificate firstAgain = first.in(StoreName.ROOT).withPhysicalStore(".GroupPolicy");
        TrustedIssuerList list = TrustedIssuerList.of(List.of(first.in(StoreName.ROOT), second.in(StoreName.ROOT),
                firstAgain));
        assertEquals(2, list.certificates(), "the copy in a second physical store is sent once");
        assertEquals(encodedName(first) + 2 + encodedName(second) + 2, list.bytes());
        assertFalse(list.exceedsLimit());
    }

    @Test
    void anEmptyStoreSendsNothing() {
        assertEquals(new TrustedIssuerList(0, 0), TrustedIssuerList.of(List.of()));
    }

    @Test
    void theLimitIsCrossedOnlyAboveSixteenKilobytes() throws IOException {
        List<StoredCertificate> roots = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; bytes <= TrustedIssuerList.LIMIT_BYTES; i++) {
            Issued root = PKI.selfSigned(PKI.spec("CN=Issuer List Padding Root " + i + ",OU=" + "x".repeat(200)
                    + ",O=Example Corp").ca().ec("secp256r1"));
            roots.add(root.in(StoreName.ROOT));
            bytes += encodedName(root) + 2;
        }
        TrustedIssuerList list = TrustedIssuerList.of(roots);
        assertEquals(bytes, list.bytes());
        assertTrue(list.exceedsLimit());
        assertFalse(TrustedIssuerList.of(roots.subList(0, roots.size() - 1)).exceedsLimit());
    }
}
