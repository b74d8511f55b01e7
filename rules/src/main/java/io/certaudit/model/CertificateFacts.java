package io.certaudit.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a certificate the rules and the report look at, decoded once by {@link CertificateFactsDecoder}.
 *
 * <p><b>One convention for what could not be decoded.</b> A certificate the JDK parsed is audited as far as it goes:
 * decoding never throws. Each extension the rules read is an {@link ExtensionFact} -- absent, present with its value,
 * or undecodable with the reason -- in the components named {@code ...Extension}. The older accessors
 * ({@link #extendedKeyUsages()}, {@link #dnsNames()}, {@link #keyUsage()}...) are projections of those facts, each
 * documenting what it returns for an undecodable extension; a rule that must tell "absent" from "undecodable" reads
 * the {@code ...Extension} component. Fields outside extensions (names, key, signature) come from the JDK's parse,
 * which has already refused a certificate where they are malformed; the few that can still be unknown are
 * {@code null}, as documented on each.
 *
 * @param subject                          the subject distinguished name, RFC 2253 (most specific first)
 * @param subjectCommonName                the most specific CN of the subject as its text (no RFC 2253 escapes), or
 *                                         {@code null} when there is none
 * @param issuer                           the issuer distinguished name, RFC 2253
 * @param serialNumber                     the serial number, uppercase hexadecimal as Windows shows it
 * @param notBefore                        start of validity
 * @param notAfter                         end of validity
 * @param keyAlgorithm                     {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}...
 * @param keyBits                          modulus length (RSA, DSA) or field size (EC, EdDSA) in bits, or {@code null}
 *                                         when not known
 * @param signatureAlgorithm               the JDK's name of the signature algorithm, e.g. {@code SHA256withRSA}
 * @param signatureAlgorithmOid            the signature algorithm's OID
 * @param keyAlgorithmOid                  the OID of the subject public key's algorithm ({@code 1.2.840.113549.1.1.1}
 *                                         RSA, {@code 1.2.840.10045.2.1} EC...), or {@code null} when undecodable
 * @param keyCurve                         the named curve of an EC key ({@code secp256r1}, or the OID when the name is
 *                                         not known), {@code explicit} for explicit parameters, {@code null} for other
 *                                         keys
 * @param encodedSubjectLength             length in bytes of the DER-encoded subject name, what SChannel puts in a
 *                                         CertificateRequest
 * @param selfIssued                       whether subject and issuer names are equal (a candidate self-signed
 *                                         certificate)
 * @param criticalExtensions               the OIDs of the extensions marked critical, sorted; empty when none is
 * @param subjectAlternativeNameExtension  every SAN entry as {@code DNS:name}, {@code IP:address}, {@code URI:...},
 *                                         {@code email:...}, {@code DirName:...}, {@code other:type}, in certificate
 *                                         order
 * @param extendedKeyUsageExtension        the EKU OIDs
 * @param basicConstraintsExtension        the basicConstraints cA flag and pathLenConstraint
 * @param keyUsageExtension                the keyUsage bits
 * @param subjectKeyIdentifierExtension    the subject key identifier in uppercase hex
 * @param authorityKeyIdentifierExtension  the keyIdentifier field of the authority key identifier in uppercase hex;
 *                                         the empty string when the extension names the issuer by name and serial only
 * @param crlDistributionPointsExtension   the URIs of the CRL distribution points ({@code <relative name>} for a
 *                                         point named relative to the issuer, the name's text for other name types)
 */
@NullMarked
public record CertificateFacts(
        String subject,
        @Nullable String subjectCommonName,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        @Nullable Integer keyBits,
        String signatureAlgorithm,
        String signatureAlgorithmOid,
        @Nullable String keyAlgorithmOid,
        @Nullable String keyCurve,
        int encodedSubjectLength,
        boolean selfIssued,
        List<String> criticalExtensions,
        ExtensionFact<List<String>> subjectAlternativeNameExtension,
        ExtensionFact<List<String>> extendedKeyUsageExtension,
        ExtensionFact<BasicConstraints> basicConstraintsExtension,
        ExtensionFact<Set<KeyUsageBit>> keyUsageExtension,
        ExtensionFact<String> subjectKeyIdentifierExtension,
        ExtensionFact<String> authorityKeyIdentifierExtension,
        ExtensionFact<List<String>> crlDistributionPointsExtension) {

    /** OID of the Server Authentication extended key usage. */
    public static final String EKU_SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();
    /** OID of the Client Authentication extended key usage. */
    public static final String EKU_CLIENT_AUTH = KeyPurposeId.id_kp_clientAuth.getId();
    /** OID of anyExtendedKeyUsage, which permits every purpose. */
    public static final String EKU_ANY = KeyPurposeId.anyExtendedKeyUsage.getId();

    private static final String DNS_PREFIX = "DNS:";

    /**
     * The basicConstraints extension's content.
     *
     * @param certificateAuthority whether cA is set
     * @param pathLengthConstraint the pathLenConstraint of a CA, or {@code null} when there is none (no limit)
     */
    public record BasicConstraints(boolean certificateAuthority, @Nullable Integer pathLengthConstraint) {
    }

    /** The dNSName entries of the Subject Alternative Name, in certificate order, case kept; empty when the SAN is
     * absent or undecodable (tell them apart with {@link #subjectAlternativeNameExtension()}). */
    public List<String> dnsNames() {
        return subjectAlternativeNames().stream()
                .filter(name -> name.startsWith(DNS_PREFIX))
                .map(name -> name.substring(DNS_PREFIX.length()))
                .toList();
    }

    /** Every SAN entry (see {@link #subjectAlternativeNameExtension()}); empty when the SAN is absent or
     * undecodable. */
    public List<String> subjectAlternativeNames() {
        return subjectAlternativeNameExtension.orElse(List.of());
    }

    /**
     * The EKU OIDs; {@code null} when the certificate has no EKU extension (valid for every purpose); an empty list
     * when the extension cannot be decoded, so no purpose can be shown to be allowed.
     */
    public @Nullable List<String> extendedKeyUsages() {
        return switch (extendedKeyUsageExtension.state()) {
            case ABSENT -> null;
            case PRESENT -> extendedKeyUsageExtension.orElse(List.of());
            case UNDECODABLE -> List.of();
        };
    }

    /** Whether basicConstraints marks the certificate as a CA; {@code false} when it is absent or undecodable. */
    public boolean certificateAuthority() {
        BasicConstraints constraints = basicConstraintsExtension.orNull();
        return constraints != null && constraints.certificateAuthority();
    }

    /** Whether the certificate has a basicConstraints extension at all, decodable or not (v1 certificates and some v3
     * ones have none). */
    public boolean basicConstraintsPresent() {
        return !basicConstraintsExtension.isAbsent();
    }

    /** The pathLenConstraint of a CA's basicConstraints, or {@code null} when there is none (no limit), when the
     * certificate is no CA, or when the extension is undecodable. */
    public @Nullable Integer pathLengthConstraint() {
        BasicConstraints constraints = basicConstraintsExtension.orNull();
        return constraints == null ? null : constraints.pathLengthConstraint();
    }

    /**
     * The keyUsage bits, or {@code null} when the certificate has no keyUsage extension (every usage allowed) or when
     * it cannot be decoded (as the JDK's {@code getKeyUsage()} reports it; tell them apart with
     * {@link #keyUsageExtension()}).
     */
    public @Nullable Set<KeyUsageBit> keyUsage() {
        return keyUsageExtension.orNull();
    }

    /** Subject key identifier in uppercase hex, or {@code null} when absent or undecodable. */
    public @Nullable String subjectKeyIdentifier() {
        return subjectKeyIdentifierExtension.orNull();
    }

    /** Authority key identifier (keyIdentifier field) in uppercase hex, or {@code null} when absent, undecodable or
     * without a keyIdentifier field. */
    public @Nullable String authorityKeyIdentifier() {
        String id = authorityKeyIdentifierExtension.orNull();
        return id == null || id.isEmpty() ? null : id;
    }

    /** URIs of the CRL distribution points; empty when the extension is absent or undecodable. */
    public List<String> crlDistributionPoints() {
        return crlDistributionPointsExtension.orElse(List.of());
    }

    /** Whether the certificate names at least one CRL distribution point that could be decoded. */
    public boolean hasCrlDistributionPoints() {
        return !crlDistributionPoints().isEmpty();
    }
}
