package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class Asn1GuardTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Guard Test Root");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("guard.example.com").san("guard.example.com"));

    @Test
    void realCertificatesAndTheirDamagedCopiesPass() {
        assertEquals(Optional.empty(), Asn1Guard.check(LEAF.der()));
        assertEquals(Optional.empty(), Asn1Guard.check(Arrays.copyOf(LEAF.der(), 100)), "left to the parser");
        assertEquals(Optional.empty(), Asn1Guard.check(new byte[0]));
        assertEquals(Optional.empty(), Asn1Guard.check("not ASN.1 at all".getBytes()));
    }

    @Test
    void nestingUpToTheLimitPassesAndOneLevelMoreIsRefused() {
        assertEquals(Optional.empty(), Asn1Guard.check(Asn1Bombs.nestedDefinite(Asn1Guard.MAX_DEPTH)));
        assertTrue(Asn1Guard.check(Asn1Bombs.nestedDefinite(Asn1Guard.MAX_DEPTH + 1)).isPresent());
        assertEquals(Optional.empty(), Asn1Guard.check(Asn1Bombs.nestedIndefinite(Asn1Guard.MAX_DEPTH)));
        assertTrue(Asn1Guard.check(Asn1Bombs.nestedIndefinite(Asn1Guard.MAX_DEPTH + 1)).isPresent());
    }

    @Test
    void deepNestingIsRefusedEvenWhenTheDataEndsEarly() {
        byte[] bomb = Asn1Bombs.nestedIndefinite(100_000);
        assertTrue(Asn1Guard.check(Arrays.copyOf(bomb, 100_000)).get().contains("nested more than 64"));
    }

    @Test
    void nestingInsideOctetAndBitStringsCounts() {
        byte[] deep = Asn1Bombs.nestedDefinite(Asn1Guard.MAX_DEPTH);
        assertTrue(Asn1Guard.check(Asn1Bombs.wrap(0x30, Asn1Bombs.wrap(0x04, deep))).isPresent(), "OCTET STRING");
        byte[] bitString = new byte[deep.length + 1];
        System.arraycopy(deep, 0, bitString, 1, deep.length);
        assertTrue(Asn1Guard.check(Asn1Bombs.wrap(0x30, Asn1Bombs.wrap(0x03, bitString))).isPresent(), "BIT STRING");
    }
}
