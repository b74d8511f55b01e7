package io.certaudit.agent.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import io.certaudit.model.RevocationSource.Outcome;

/**
 * Verifies one CRL for one certificate as RFC 5280 6.3.3 does: issued under the certificate's issuer name and
 * signed by the issuer's key (the chain engine accepts no CRL signed by another key of the CA, Microsoft: "CAPI2
 * only supports CRLs signed by the issuer of the certificate being validated"), current at the audit's instant,
 * covering the certificate (issuing distribution point), then looks the serial number up. Delta CRLs are verified
 * the same way, and must name a base no newer than the complete CRL they complete (RFC 5280 5.2.4).
 */
final class CrlVerifier {

    /** CRLReason removeFromCRL (8): in a delta CRL, the certificate is no longer on hold (RFC 5280 5.3.1). */
    static final int REMOVE_FROM_CRL = 8;

    /** What one CRL says of one certificate, once verified, or why it says nothing. */
    record Answer(Outcome outcome, String detail, String reason, Integer reasonCode, Instant revokedAt,
                  BigInteger crlNumber, List<URI> freshest) {

        static Answer failed(Outcome outcome, String detail) {
            return new Answer(outcome, detail, null, null, null, null, List.of());
        }
    }

    private CrlVerifier() {
    }

    /**
     * @param der          the CRL as fetched, already bounded in size
     * @param certificate  the certificate whose status is asked
     * @param issuer       its issuer, whose key must have signed the CRL
     * @param at           the audit's instant
     * @param pointNames   the names of the distribution point the CRL was fetched from (the certificate's own)
     * @param baseNumber   for a delta CRL, the CRL number of the complete CRL it completes; {@code null} for a
     *                     complete CRL
     */
    static Answer verify(byte[] der, X509Certificate certificate, X509Certificate issuer, Instant at,
                         Set<String> pointNames, BigInteger baseNumber) {
        X509CRLHolder crl;
        try {
            crl = new X509CRLHolder(der);
        } catch (IOException | RuntimeException e) {
            return Answer.failed(Outcome.UNPARSABLE, "not a DER CRL (" + e.getClass().getSimpleName() + ")");
        }
        X500Principal crlIssuer;
        try {
            crlIssuer = new X500Principal(crl.getIssuer().getEncoded());
        } catch (IOException | RuntimeException e) {
            return Answer.failed(Outcome.UNPARSABLE, "its issuer name does not encode");
        }
        if (!crlIssuer.equals(certificate.getIssuerX500Principal())) {
            return Answer.failed(Outcome.WRONG_ISSUER, "issued by '" + crlIssuer.getName() + "', not by the "
                    + "certificate's issuer '" + certificate.getIssuerX500Principal().getName() + "'");
        }
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && (usage.length < 7 || !usage[6])) {
            return Answer.failed(Outcome.BAD_SIGNATURE, "the issuer's key usage does not allow signing CRLs "
                    + "(cRLSign, RFC 5280 6.3.3 (f))");
        }
        try {
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return Answer.failed(Outcome.BAD_SIGNATURE, "its signature does not verify with the key of '"
                        + issuer.getSubjectX500Principal().getName() + "'");
            }
        } catch (Exception e) {
            return Answer.failed(Outcome.BAD_SIGNATURE, "its signature cannot be verified with the issuer's key ("
                    + e.getClass().getSimpleName() + ")");
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(at)) {
            return Answer.failed(Outcome.NOT_YET_VALID, "thisUpdate " + thisUpdate + " is after " + at);
        }
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        if (nextUpdate != null && nextUpdate.isBefore(at)) {
            return Answer.failed(Outcome.EXPIRED, "nextUpdate " + nextUpdate + " has passed at " + at);
        }
        Extensions extensions = crl.getExtensions();
        BigInteger number = integer(extensions, Extension.cRLNumber);
        BigInteger deltaOf = integer(extensions, Extension.deltaCRLIndicator);
        if (baseNumber == null && deltaOf != null) {
            return Answer.failed(Outcome.OUT_OF_SCOPE, "a delta CRL where a complete CRL is named");
        }
        if (baseNumber != null) {
            if (deltaOf == null) {
                return Answer.failed(Outcome.OUT_OF_SCOPE, "not a delta CRL (no delta CRL indicator)");
            }
            if (deltaOf.compareTo(baseNumber) > 0) {
                return Answer.failed(Outcome.OUT_OF_SCOPE, "it completes base CRL number " + deltaOf
                        + ", newer than the complete CRL fetched (number " + baseNumber + ")");
            }
        }
        String scope = scope(extensions, certificate, pointNames);
        if (scope != null) {
            return Answer.failed(Outcome.OUT_OF_SCOPE, scope);
        }
        List<URI> freshest = baseNumber == null ? distributionPoints(extensions, Extension.freshestCRL) : List.of();
        String dates = "thisUpdate " + thisUpdate + (nextUpdate == null ? "" : ", nextUpdate " + nextUpdate)
                + (number == null ? "" : ", CRL number " + number);
        X509CRLEntryHolder entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return new Answer(Outcome.GOOD, "not listed; " + dates, null, null, null, number, freshest);
        }
        Integer code = reasonCode(entry);
        if (code != null && code == REMOVE_FROM_CRL) {
            return new Answer(Outcome.GOOD, "listed as removeFromCRL (no longer on hold); " + dates, null, code,
                    null, number, freshest);
        }
        String reason = code == null ? null : reasonName(code);
        return new Answer(Outcome.REVOKED, "listed" + (reason == null ? "" : " (" + reason + ")") + "; " + dates,
                reason, code, entry.getRevocationDate().toInstant(), number, freshest);
    }

    /**
     * Why the issuing distribution point says the CRL does not cover the certificate, or {@code null} when it
     * does (RFC 5280 6.3.3 (b)(2)): a scope to user or CA certificates only, attribute certificates, an indirect
     * CRL (the chain engine accepts only CRLs of the certificate's own issuer), some reasons only, or a
     * distribution point name that is not the one the certificate names.
     */
    private static String scope(Extensions extensions, X509Certificate certificate, Set<String> pointNames) {
        Extension extension = extensions == null ? null : extensions.getExtension(Extension.issuingDistributionPoint);
        if (extension == null) {
            return null;
        }
        IssuingDistributionPoint point;
        try {
            point = IssuingDistributionPoint.getInstance(extension.getParsedValue());
        } catch (RuntimeException e) {
            return "its issuing distribution point extension does not decode";
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (point.onlyContainsUserCerts() && ca) {
            return "it covers end-entity certificates only, and this is a CA certificate";
        }
        if (point.onlyContainsCACerts() && !ca) {
            return "it covers CA certificates only, and this is an end-entity certificate";
        }
        if (point.onlyContainsAttributeCerts()) {
            return "it covers attribute certificates only";
        }
        if (point.isIndirectCRL()) {
            return "it is an indirect CRL, which the chain engine does not use";
        }
        if (point.getOnlySomeReasons() != null) {
            return "it covers only some revocation reasons";
        }
        DistributionPointName name = point.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME && !pointNames.isEmpty()) {
            List<String> uris = uris(GeneralNames.getInstance(name.getName()));
            if (!uris.isEmpty() && uris.stream().noneMatch(pointNames::contains)) {
                return "its issuing distribution point " + uris + " is not the one the certificate names "
                        + pointNames;
            }
        }
        return null;
    }

    /** The URIs of the distribution points of a CRL Distribution Points or Freshest CRL extension. */
    static List<URI> distributionPoints(Extensions extensions, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        Extension extension = extensions == null ? null : extensions.getExtension(oid);
        if (extension == null) {
            return List.of();
        }
        List<URI> found = new ArrayList<>();
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue())
                    .getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (String uri : uris(GeneralNames.getInstance(name.getName()))) {
                        try {
                            found.add(new URI(uri));
                        } catch (java.net.URISyntaxException e) {
                            // A name that is no URI cannot be fetched; the others still can.
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return found;
    }

    private static List<String> uris(GeneralNames names) {
        List<String> uris = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                uris.add(name.getName().toString());
            }
        }
        return uris;
    }

    private static BigInteger integer(Extensions extensions, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        Extension extension = extensions == null ? null : extensions.getExtension(oid);
        if (extension == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(extension.getParsedValue()).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer reasonCode(X509CRLEntryHolder entry) {
        Extensions extensions = entry.getExtensions();
        Extension extension = extensions == null ? null : extensions.getExtension(Extension.reasonCode);
        if (extension == null) {
            return null;
        }
        try {
            return ASN1Enumerated.getInstance(extension.getParsedValue()).intValueExact();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The RFC 5280 5.3.1 name of a reason code, e.g. {@code keyCompromise}. */
    static String reasonName(int code) {
        return switch (code) {
            case CRLReason.unspecified -> "unspecified";
            case CRLReason.keyCompromise -> "keyCompromise";
            case CRLReason.cACompromise -> "cACompromise";
            case CRLReason.affiliationChanged -> "affiliationChanged";
            case CRLReason.superseded -> "superseded";
            case CRLReason.cessationOfOperation -> "cessationOfOperation";
            case CRLReason.certificateHold -> "certificateHold";
            case CRLReason.removeFromCRL -> "removeFromCRL";
            case CRLReason.privilegeWithdrawn -> "privilegeWithdrawn";
            case CRLReason.aACompromise -> "aACompromise";
            default -> "reason " + code;
        };
    }
}
