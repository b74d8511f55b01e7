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
 * An expired certificate anywhere on the path fails the TLS handshake.
 */
@RuleInfo(
        id = "certificate-expired",
        title = "Certificate on the service chain has expired",
        severity = Severity.ERROR,
        area = Area.DATES,
        citation = "RFC 5280 6.1.3 (a)(2): every certificate of the path must be within its validity period",
        basis = "Windows behaviour and RFC 5280: a certificate outside its validity period "
                + "(CERT_TRUST_IS_NOT_TIME_VALID) fails the handshake",
        description = "Fails when a service certificate, or any intermediate or root on its path, is past its "
                + "notAfter at the evaluation instant.",
        remediation = "Renew the certificate named in the finding (for a CA certificate, install the CA's renewed "
                + "certificate) and remove the expired one.",
        evidence = {"notAfter"})
public final class CertificateExpired extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (context.at().isAfter(certificate.facts().notAfter())) {
            findings.add(certificate, certificate.label() + " expired on " + certificate.facts().notAfter() + ".",
                    Map.of("notAfter", certificate.facts().notAfter().toString()));
        }
    }
}
