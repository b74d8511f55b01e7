package io.certaudit.agent.revocation;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import io.certaudit.model.RevocationSource.Outcome;

/**
 * Asks an OCSP responder about one certificate and verifies the answer as RFC 6960 says: a successful response
 * (2.3), a basic response signed by the issuer itself or by a responder certificate the issuer signed for
 * id-kp-OCSPSigning (4.2.2.2), with a single response for the certificate asked about that is current at the
 * audit's instant (thisUpdate not after it, nextUpdate not before it; 4.2.2.1). The request carries no nonce: the
 * chain engine's client follows the lightweight profile of RFC 5019, whose responders answer from pre-signed
 * responses.
 */
final class OcspVerifier {

    /** What a responder said of one certificate, once verified, or why it said nothing usable. */
    record Answer(Outcome outcome, String detail, String reason, Instant revokedAt) {

        static Answer failed(Outcome outcome, String detail) {
            return new Answer(outcome, detail, null, null);
        }
    }

    private OcspVerifier() {
    }

    /** The certificate's identity as OCSP names it: SHA-1 hashes of the issuer's name and key, and the serial. */
    static CertificateID id(X509Certificate certificate, X509Certificate issuer) throws OCSPException {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            return new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
        } catch (OperatorCreationException | CertificateException e) {
            throw new OCSPException("cannot make the OCSP certificate identity: " + e.getMessage(), e);
        }
    }

    /** The DER request for one certificate. */
    static byte[] request(CertificateID id) throws OCSPException {
        OCSPReq request = new OCSPReqBuilder().addRequest(id).build();
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new OCSPException("cannot encode the OCSP request", e);
        }
    }

    static Answer verify(byte[] der, CertificateID id, X509Certificate issuer, Instant at) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return Answer.failed(Outcome.RESPONDER_ERROR, "response status " + statusName(response.getStatus()));
            }
            Object object = response.getResponseObject();
            if (!(object instanceof BasicOCSPResp found)) {
                return Answer.failed(Outcome.UNPARSABLE, "not a basic OCSP response");
            }
            basic = found;
        } catch (IOException | OCSPException | RuntimeException e) {
            return Answer.failed(Outcome.UNPARSABLE, "not a DER OCSP response (" + e.getClass().getSimpleName() + ")");
        }
        String signer = signer(basic, issuer, at);
        if (signer != null) {
            return Answer.failed(Outcome.BAD_SIGNATURE, signer);
        }
        SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(id)).findFirst()
                .orElse(null);
        if (single == null) {
            return Answer.failed(Outcome.RESPONDER_ERROR, "the response does not speak of the certificate asked "
                    + "about");
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(at)) {
            return Answer.failed(Outcome.NOT_YET_VALID, "thisUpdate " + thisUpdate + " is after " + at);
        }
        Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        if (nextUpdate != null && nextUpdate.isBefore(at)) {
            return Answer.failed(Outcome.EXPIRED, "nextUpdate " + nextUpdate + " has passed at " + at);
        }
        String dates = "thisUpdate " + thisUpdate + (nextUpdate == null ? "" : ", nextUpdate " + nextUpdate);
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new Answer(Outcome.GOOD, "good; " + dates, null, null);
        }
        if (status instanceof RevokedStatus revoked) {
            String reason = revoked.hasRevocationReason() ? CrlVerifier.reasonName(revoked.getRevocationReason())
                    : null;
            return new Answer(Outcome.REVOKED, "revoked" + (reason == null ? "" : " (" + reason + ")") + "; "
                    + dates, reason, revoked.getRevocationTime().toInstant());
        }
        if (status instanceof UnknownStatus) {
            return Answer.failed(Outcome.UNKNOWN_TO_RESPONDER, "the responder does not know the certificate; "
                    + dates);
        }
        return Answer.failed(Outcome.UNPARSABLE, "an unknown certificate status");
    }

    /**
     * Why the response's signer is not one RFC 6960 4.2.2.2 authorises, or {@code null} when it is: the issuer's
     * own key, or a certificate the response carries that the issuer signed, that allows id-kp-OCSPSigning and is
     * valid at the audit's instant, and whose key signed the response.
     */
    private static String signer(BasicOCSPResp basic, X509Certificate issuer, Instant at) {
        try {
            if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return null;
            }
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            // Not signed by the issuer's key (or not verifiable with it): a delegated responder may have signed.
        }
        X509CertificateHolder issuerHolder;
        try {
            issuerHolder = new JcaX509CertificateHolder(issuer);
        } catch (CertificateException e) {
            return "the issuer certificate does not encode";
        }
        RespID responder = basic.getResponderId();
        for (X509CertificateHolder candidate : basic.getCerts()) {
            if (!candidate.getIssuer().equals(issuerHolder.getSubject())) {
                continue;
            }
            try {
                if (!candidate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                    continue;
                }
                if (!candidate.isValidOn(java.util.Date.from(at))) {
                    return "the delegated responder certificate '" + candidate.getSubject() + "' is not valid at "
                            + at;
                }
                List<KeyPurposeId> purposes = candidate.getExtensions() == null ? List.of()
                        : purposes(candidate);
                if (!purposes.contains(KeyPurposeId.id_kp_OCSPSigning)) {
                    return "the responder certificate '" + candidate.getSubject() + "' was issued by the issuer "
                            + "without id-kp-OCSPSigning";
                }
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(candidate))) {
                    return null;
                }
            } catch (OCSPException | OperatorCreationException | CertificateException
                     | org.bouncycastle.cert.CertException | RuntimeException e) {
                // This candidate does not verify; another might.
            }
        }
        return "signed neither by the issuer '" + issuer.getSubjectX500Principal().getName() + "' nor by a "
                + "responder it authorised with id-kp-OCSPSigning (responder " + describe(responder) + ")";
    }

    private static List<KeyPurposeId> purposes(X509CertificateHolder certificate) {
        org.bouncycastle.asn1.x509.ExtendedKeyUsage usage =
                org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        return usage == null ? List.of() : Arrays.asList(usage.getUsages());
    }

    private static String describe(RespID responder) {
        if (responder == null) {
            return "unnamed";
        }
        var id = responder.toASN1Primitive();
        return id.getName() != null ? id.getName().toString() : "by key hash";
    }

    private static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "status " + status;
        };
    }
}
