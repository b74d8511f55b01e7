package io.certaudit.catalog.dates;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * A certificate used before its notBefore fails the TLS handshake; usually a clock skew or a CA clock error.
 */
@RuleInfo(
        id = "certificate-not-yet-valid",
        title = "Certificate on the service chain is not valid yet",
        severity = Severity.ERROR,
        area = Area.DATES,
        citation = "RFC 5280 6.1.3 (a)(2): every certificate of the path must be within its validity period",
        basis = "Windows behaviour and RFC 5280: a certificate outside its validity period "
                + "(CERT_TRUST_IS_NOT_TIME_VALID) fails the handshake",
        description = "Fails when a service certificate, or any certificate on its path, has a notBefore after "
                + "the evaluation instant.",
        remediation = {
                "Check the server's clock (w32tm /query /status).",
                "If it is right, wait for the notBefore or re-issue the certificate."},
        evidence = {"notBefore"})
public final class CertificateNotYetValid extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (context.at().isBefore(certificate.facts().notBefore())) {
            findings.add(certificate, certificate.label() + " is not valid before "
                    + certificate.facts().notBefore() + ".",
                    Map.of("notBefore", certificate.facts().notBefore().toString()));
        }
    }
}
