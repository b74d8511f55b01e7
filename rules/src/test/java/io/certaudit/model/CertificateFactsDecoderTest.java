package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.certaudit.model.ExtensionFact.State;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;
import io.certaudit.testing.TestPki.Spec;

/** Each extension the rules read, absent, present and undecodable, through the decoder. */
class CertificateFactsDecoderTest {

    /** Not DER at all: a context-specific tag whose long-form length claims more bytes than there are. */
    private static final byte[] GARBAGE = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Decoder Test Root");

    private static CertificateFacts decode(Spec spec) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(PKI.issue(ROOT, spec).der()));
            return CertificateFactsDecoder.decode(certificate);
        } catch (CertificateException e) {
            throw new AssertionError("the JDK refused the test certificate", e);
        }
    }

    private static Spec leaf() {
        return PKI.spec("decoder.example.com");
    }

    private static void assertUndecodable(ExtensionFact<?> fact) {
        assertEquals(State.UNDECODABLE, fact.state(), () -> "expected undecodable, got " + fact);
        assertNull(fact.value());
        assertNotNull(fact.reason());
        assertFalse(fact.reason().isBlank());
    }

    @Nested
    class ExtendedKeyUsage {

        @Test
        void absentIsNullForEveryPurpose() {
            CertificateFacts facts = decode(leaf().noEku());
            assertTrue(facts.extendedKeyUsageExtension().isAbsent());
            assertNull(facts.extendedKeyUsages());
        }

        @Test
        void presentListsThePurposes() {
            CertificateFacts facts = decode(leaf().eku(KeyPurposeId.id_kp_serverAuth));
            assertEquals(ExtensionFact.present(List.of(CertificateFacts.EKU_SERVER_AUTH)),
                    facts.extendedKeyUsageExtension());
            assertEquals(List.of(CertificateFacts.EKU_SERVER_AUTH), facts.extendedKeyUsages());
        }

        @Test
        void undecodableAllowsNoPurpose() {
            CertificateFacts facts = decode(leaf().noEku().rawExtension(Extension.extendedKeyUsage, false, GARBAGE));
            assertUndecodable(facts.extendedKeyUsageExtension());
            assertEquals(List.of(), facts.extendedKeyUsages());
        }
    }

    @Nested
    class SubjectAlternativeName {

        @Test
        void absentHasNoNames() {
            CertificateFacts facts = decode(leaf());
            assertTrue(facts.subjectAlternativeNameExtension().isAbsent());
            assertEquals(List.of(), facts.subjectAlternativeNames());
            assertEquals(List.of(), facts.dnsNames());
        }

        @Test
        void presentListsEveryEntryAndTheDnsNames() {
            CertificateFacts facts = decode(leaf().san("a.example.com", "B.example.com").ipSan("192.0.2.10"));
            assertEquals(List.of("DNS:a.example.com", "DNS:B.example.com", "IP:192.0.2.10"),
                    facts.subjectAlternativeNameExtension().value());
            assertEquals(List.of("a.example.com", "B.example.com"), facts.dnsNames());
        }

        @Test
        void undecodableIsToldApartFromAbsent() {
            CertificateFacts facts = decode(leaf().rawExtension(Extension.subjectAlternativeName, false, GARBAGE));
            assertUndecodable(facts.subjectAlternativeNameExtension());
            assertEquals(List.of(), facts.dnsNames());
        }
    }

    @Nested
    class CrlDistributionPoints {

        @Test
        void absentHasNone() {
            CertificateFacts facts = decode(leaf().noCrlDistributionPoint());
            assertTrue(facts.crlDistributionPointsExtension().isAbsent());
            assertFalse(facts.hasCrlDistributionPoints());
        }

        @Test
        void presentListsTheUris() {
            CertificateFacts facts = decode(leaf());
            assertTrue(facts.crlDistributionPointsExtension().isPresent());
            assertEquals(1, facts.crlDistributionPoints().size());
            assertTrue(facts.crlDistributionPoints().get(0).startsWith("http://pki.example.com/crl/"));
            assertTrue(facts.hasCrlDistributionPoints());
        }

        @Test
        void undecodableBytesNameNoPoint() {
            CertificateFacts facts = decode(leaf().noCrlDistributionPoint()
                    .rawExtension(Extension.cRLDistributionPoints, false, GARBAGE));
            assertUndecodable(facts.crlDistributionPointsExtension());
            assertFalse(facts.hasCrlDistributionPoints());
        }

        @Test
        void wellFormedAsn1OfTheWrongShapeIsUndecodableToo() {
            CertificateFacts facts = decode(leaf().noCrlDistributionPoint()
                    .extension(Extension.cRLDistributionPoints, false, new ASN1Integer(7)));
            assertUndecodable(facts.crlDistributionPointsExtension());
            assertEquals(List.of(), facts.crlDistributionPoints());
        }
    }

    @Nested
    class KeyIdentifiers {

        @Test
        void absentAreNull() {
            CertificateFacts facts = decode(leaf().noKeyIdentifiers());
            assertTrue(facts.subjectKeyIdentifierExtension().isAbsent());
            assertTrue(facts.authorityKeyIdentifierExtension().isAbsent());
            assertNull(facts.subjectKeyIdentifier());
            assertNull(facts.authorityKeyIdentifier());
        }

        @Test
        void presentAreUppercaseHexAndTheLeafsAuthorityIsTheRootsSubjectKey() {
            CertificateFacts facts = decode(leaf());
            assertTrue(facts.subjectKeyIdentifier().matches("[0-9A-F]{40}"), facts.subjectKeyIdentifier());
            assertEquals(ROOT.in(StoreName.ROOT).facts().subjectKeyIdentifier(), facts.authorityKeyIdentifier());
        }

        @Test
        void undecodableAreToldApartFromAbsent() {
            CertificateFacts facts = decode(leaf().noKeyIdentifiers()
                    .rawExtension(Extension.subjectKeyIdentifier, false, GARBAGE)
                    .rawExtension(Extension.authorityKeyIdentifier, false, GARBAGE));
            assertUndecodable(facts.subjectKeyIdentifierExtension());
            assertUndecodable(facts.authorityKeyIdentifierExtension());
            assertNull(facts.subjectKeyIdentifier());
            assertNull(facts.authorityKeyIdentifier());
        }
    }

    @Nested
    class BasicConstraints {

        @Test
        void absentIsNoCa() {
            CertificateFacts facts = decode(leaf().noBasicConstraints());
            assertTrue(facts.basicConstraintsExtension().isAbsent());
            assertFalse(facts.basicConstraintsPresent());
            assertFalse(facts.certificateAuthority());
        }

        @Test
        void presentForACaCarriesThePathLength() {
            CertificateFacts facts = decode(PKI.spec("Decoder Test CA").ca().pathLen(2));
            assertEquals(ExtensionFact.present(new CertificateFacts.BasicConstraints(true, 2)),
                    facts.basicConstraintsExtension());
            assertTrue(facts.certificateAuthority());
            assertEquals(2, facts.pathLengthConstraint());
        }

        @Test
        void presentForAnEndEntitySaysNoCa() {
            CertificateFacts facts = decode(leaf());
            assertEquals(ExtensionFact.present(new CertificateFacts.BasicConstraints(false, null)),
                    facts.basicConstraintsExtension());
            assertTrue(facts.basicConstraintsPresent());
            assertFalse(facts.certificateAuthority());
        }

        @Test
        void undecodableIsPresentButNoCa() {
            CertificateFacts facts = decode(leaf().noBasicConstraints()
                    .rawExtension(Extension.basicConstraints, false, GARBAGE));
            assertUndecodable(facts.basicConstraintsExtension());
            assertTrue(facts.basicConstraintsPresent());
            assertFalse(facts.certificateAuthority());
            assertNull(facts.pathLengthConstraint());
        }
    }

    @Nested
    class KeyUsageBits {

        @Test
        void absentIsNullForEveryUsage() {
            CertificateFacts facts = decode(leaf().keyUsage(-1));
            assertTrue(facts.keyUsageExtension().isAbsent());
            assertNull(facts.keyUsage());
        }

        @Test
        void presentListsTheBits() {
            CertificateFacts facts = decode(leaf().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            assertEquals(EnumSet.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.KEY_ENCIPHERMENT),
                    facts.keyUsageExtension().value());
        }

        @Test
        void undecodableIsToldApartFromAbsent() {
            CertificateFacts facts = decode(leaf().keyUsage(-1).rawExtension(Extension.keyUsage, false, GARBAGE));
            assertUndecodable(facts.keyUsageExtension());
            assertNull(facts.keyUsage(), "the projection keeps the JDK's answer: no usage restriction it can read");
        }
    }

    @Test
    void anExtensionFactIsOneOfThreeConsistentStates() {
        assertThrows(IllegalArgumentException.class, () -> new ExtensionFact<>(State.PRESENT, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionFact<>(State.ABSENT, "x", null));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionFact<>(State.UNDECODABLE, null, null));
        assertEquals("fallback", ExtensionFact.<String>undecodable("bad").orElse("fallback"));
    }
}
