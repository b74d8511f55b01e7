package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

class StoreEnhancedKeyUsageTest {

    private static final String SECURE_EMAIL = "1.3.6.1.5.5.7.3.4";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private static byte[] usages(String... oids) throws Exception {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        for (String oid : oids) {
            vector.add(new ASN1ObjectIdentifier(oid));
        }
        return new DERSequence(vector).getEncoded("DER");
    }

    @Test
    void aSequenceOfObjectIdentifiersGivesThePurposesInOrder() throws Exception {
        StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(usages(SECURE_EMAIL, SERVER_AUTH));
        assertEquals(List.of(SECURE_EMAIL, SERVER_AUTH), decoded.usages());
        assertNull(decoded.problem());
    }

    @Test
    void anEmptySequenceIsNoPurposeAtAll() throws Exception {
        StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(usages());
        assertEquals(List.of(), decoded.usages());
        assertNull(decoded.problem());
    }

    @Test
    void bytesThatAreNotASequenceOfObjectIdentifiersAreAProblem() throws Exception {
        byte[] encoded = usages(SECURE_EMAIL);
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);
        byte[] integers = {0x30, 0x03, 0x02, 0x01, 0x05};
        for (byte[] malformed : List.of(new byte[0], trailing, truncated, integers, new byte[] {0x06, 0x00})) {
            StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(malformed);
            assertNull(decoded.usages(), Arrays.toString(malformed));
            assertNotNull(decoded.problem(), Arrays.toString(malformed));
        }
    }

    @Test
    void nestingTooDeepIsRefusedBeforeParsing() {
        int depth = Asn1Guard.MAX_DEPTH + 10;
        byte[] nested = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) 0x80;
        }
        StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(nested);
        assertNull(decoded.usages());
        assertEquals("is nested too deeply to be a sequence of object identifiers", decoded.problem());
    }
}
