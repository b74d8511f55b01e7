package io.certaudit.catalog.usage;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.CertificateFacts;
import io.certaudit.model.StoredCertificate;

/*
 * Lync: the client EKU is optional (Request-CsCertificate -ClientEKU); Microsoft's peers accept a certificate
 * without it, some SBCs and third-party MTLS peers do not.
 */
@RuleInfo(
        id = "eku-missing-client-auth",
        title = "Service certificate lacks the Client Authentication EKU",
        severity = Severity.WARNING,
        area = Area.USAGE,
        citation = "Lync Server certificate requirements: client EKU optional (Request-CsCertificate -ClientEKU); "
                + "field reports of SBCs that require it",
        basis = "Field reports: SBCs and third-party peers that require the Client Authentication EKU",
        description = "Warns when a service certificate's Extended Key Usage extension is present and lists "
                + "neither Client Authentication (1.3.6.1.5.5.7.3.2) nor anyExtendedKeyUsage. In MTLS the "
                + "certificate also authenticates the service as a client; Microsoft peers tolerate its absence, "
                + "some SBCs and third-party peers reject it.",
        remediation = "Re-issue the certificate with both Server and Client Authentication EKUs "
                + "(Request-CsCertificate -ClientEKU $true, or a template including Client Authentication).",
        evidence = {"extendedKeyUsages"})
public final class EkuMissingClientAuth extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (ExtendedKeyUsages.lacks(certificate, CertificateFacts.EKU_CLIENT_AUTH)) {
            findings.add(certificate, "Service certificate " + certificate.label()
                    + " is not valid for Client Authentication; its EKUs are "
                    + ExtendedKeyUsages.describe(certificate) + ".",
                    Map.of("extendedKeyUsages", ExtendedKeyUsages.oids(certificate)));
        }
    }
}
