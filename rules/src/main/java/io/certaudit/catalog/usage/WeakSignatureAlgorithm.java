package io.certaudit.catalog.usage;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * Field reports: an MD5 signature anywhere in the chain stops the Skype for Business front end (Schannel events
 * 36888/36874); SHA-1 is weak and distrusted by current peers.
 */
@RuleInfo(
        id = "weak-signature-algorithm",
        title = "Weak signature algorithm on the service chain",
        severity = Severity.ERROR,
        area = Area.USAGE,
        citation = "Field reports: MD5 in the chain stops the Skype for Business front end (Schannel 36888/36874)",
        basis = "Field reports: MD5 in a chain stops Skype for Business front ends; SHA-1 is weak",
        description = "Checks the signature of every certificate on a service certificate's path except a root's "
                + "signature on itself (which nobody verifies): an error for MD2, MD4 or MD5, a warning for SHA-1.",
        remediation = "Re-issue the certificate (or have the CA renew its intermediate) with a SHA-256 or stronger "
                + "signature.",
        evidence = {"oid", "signatureAlgorithm"})
public final class WeakSignatureAlgorithm extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return !context.chains().isSelfSigned(certificate) || context.isServiceCertificate(certificate);
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        String oid = certificate.facts().signatureAlgorithmOid();
        Severity severity = weakness(oid);
        if (severity != null) {
            findings.add(severity, certificate, certificate.label() + " is signed with "
                    + certificate.facts().signatureAlgorithm() + (severity == Severity.ERROR
                    ? ", which peers reject." : ", which is weak and distrusted by current peers."),
                    Map.of("signatureAlgorithm", certificate.facts().signatureAlgorithm(), "oid", oid));
        }
    }

    /**
     * How weak a signature algorithm is: ERROR for MD2, MD4 and MD5, which peers reject; WARNING for SHA-1;
     * {@code null} for anything stronger. Shared with the peer's own chain, judged the same way.
     */
    public static @Nullable Severity weakness(@Nullable String signatureAlgorithmOid) {
        return switch (signatureAlgorithmOid == null ? "" : signatureAlgorithmOid) {
            // md2WithRSA, md4WithRSA, md5WithRSA (RFC 8017 A.2.4)
            case "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.3", "1.2.840.113549.1.1.4" -> Severity.ERROR;
            // sha1WithRSA, ecdsa-with-SHA1 (RFC 5758), dsa-with-sha1 (RFC 3279), sha1WithRSA (OIW)
            case "1.2.840.113549.1.1.5", "1.2.840.10045.4.1", "1.2.840.10040.4.3", "1.3.14.3.2.29" ->
                    Severity.WARNING;
            default -> null;
        };
    }
}
