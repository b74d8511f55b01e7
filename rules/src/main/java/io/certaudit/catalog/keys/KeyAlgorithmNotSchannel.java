package io.certaudit.catalog.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * Schannel signs the handshake with the service key: TLS 1.3 allows ecdsa_secp256r1_sha256,
 * ecdsa_secp384r1_sha384, ecdsa_secp521r1_sha512, rsa_pss_rsae_* and rsa_pkcs1_* (for certificates) among what
 * Windows implements; TLS 1.2 ECDSA needs the certificate's curve among the curves Schannel has enabled, which by
 * default are curve25519 (key exchange only), NistP256 and NistP384, with nistP521 and the brainpool, secp192/224
 * and secp256k1 curves "supported but not enabled by default" ("TLS Elliptic Curves in Windows 10 1607 and later").
 * DSA has no TLS 1.3 scheme and EdDSA certificates are not among Schannel's signature schemes.
 */
@RuleInfo(
        id = "key-algorithm-not-schannel",
        title = "Service certificate's key is of a type Schannel cannot use for TLS 1.2 and 1.3",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "Microsoft: TLS Elliptic Curves in Windows 10 1607 and later; Protocols in TLS/SSL (Schannel "
                + "SSP) and TLS 1.3 signature schemes; CNG Named Elliptic Curves (TLS capable); RFC 8446 section "
                + "4.2.3",
        basis = "Windows behaviour: the key algorithms and curves Schannel negotiates",
        description = "Fails when the service certificate's key is DSA, EdDSA (Ed25519, Ed448) or EC on a curve other "
                + "than P-256, P-384 and P-521 (for example P-192, P-224, secp256k1 or a brainpool curve): Schannel "
                + "cannot sign a TLS 1.3 handshake with it, and in TLS 1.2 only after the curve is added to the ECC "
                + "Curve Order policy, which peers rarely match. Warns for an RSASSA-PSS key (id-RSASSA-PSS): TLS 1.3 "
                + "defines rsa_pss_pss schemes for it, but Microsoft does not document Schannel support, so the "
                + "audit cannot tell.",
        remediation = "Request a new service certificate with an RSA key (2048 bits or more, rsaEncryption) or an "
                + "EC key on P-256 or P-384, and replace the current one.",
        evidence = {"curve", "keyAlgorithm", "keyAlgorithmOid"})
public final class KeyAlgorithmNotSchannel extends CertificateRule {

    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC = "1.2.840.10045.2.1";
    /** The curves whose ECDSA schemes Schannel signs TLS 1.2 and 1.3 handshakes with. */
    static final Set<String> SCHANNEL_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        String oid = certificate.facts().keyAlgorithmOid();
        String curve = certificate.facts().keyCurve();
        if (RSA.equals(oid) || EC.equals(oid) && SCHANNEL_CURVES.contains(curve)) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("keyAlgorithm", certificate.facts().keyAlgorithm());
        evidence.put("keyAlgorithmOid", String.valueOf(oid));
        if (curve != null) {
            evidence.put("curve", curve);
        }
        if (RSASSA_PSS.equals(oid)) {
            findings.add(Severity.WARNING, certificate, "The key of " + certificate.label() + " is an RSASSA-PSS "
                    + "key (id-RSASSA-PSS): Microsoft does not document whether Schannel signs TLS handshakes with "
                    + "such keys (the rsa_pss_pss schemes), so the audit cannot tell whether MTLS will work.",
                    evidence);
            return;
        }
        String what = EC.equals(oid) ? "an EC key on " + curve
                : certificate.facts().keyAlgorithm() + " key";
        findings.add(certificate, "The key of " + certificate.label() + " is " + (EC.equals(oid) ? "" : "a ")
                + what + ": Schannel signs TLS 1.2 and 1.3 handshakes only with RSA keys and EC keys on P-256, "
                + "P-384 and P-521, so this certificate cannot authenticate the service.", evidence);
    }
}
