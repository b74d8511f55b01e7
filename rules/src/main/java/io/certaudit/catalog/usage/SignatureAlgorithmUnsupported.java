package io.certaudit.catalog.usage;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * Lync Server 2013 certificate requirements: RSASSA-PSS signature algorithms are not supported.
 */
@RuleInfo(
        id = "signature-algorithm-unsupported",
        title = "RSASSA-PSS signature on the service chain",
        severity = Severity.WARNING,
        area = Area.USAGE,
        citation = "Lync Server 2013 certificate requirements: RSASSA-PSS is not supported",
        requirements = {Requirement.LYNC_SIGNATURE_ALGORITHM},
        description = "Warns when a certificate on a service certificate's path (other than a root's signature "
                + "on itself) is signed with RSASSA-PSS (1.2.840.113549.1.1.10), which Lync Server and Skype for "
                + "Business do not support.",
        remediation = {
                "Re-issue the certificate with a PKCS#1 v1.5 signature (sha256RSA).",
                "On a Windows CA, set AlternateSignatureAlgorithm=0 in CAPolicy.inf or the CA's CSP registry "
                        + "settings."},
        evidence = {"oid"})
public final class SignatureAlgorithmUnsupported extends CertificateRule {

    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

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
        if (RSASSA_PSS.equals(certificate.facts().signatureAlgorithmOid())) {
            findings.add(certificate, certificate.label() + " is signed with RSASSA-PSS, which Lync Server and "
                    + "Skype for Business do not support.", Map.of("oid", RSASSA_PSS));
        }
    }
}
