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
import io.certaudit.model.CertificateFacts;
import io.certaudit.model.StoredCertificate;

/*
 * Lync Server 2010/2013 certificate requirements: the Server Authentication EKU is essential for MTLS.
 */
@RuleInfo(
        id = "eku-missing-server-auth",
        title = "Service certificate lacks the Server Authentication EKU",
        severity = Severity.ERROR,
        area = Area.USAGE,
        citation = "Lync Server 2010/2013 certificate requirements: Server Authentication EKU (1.3.6.1.5.5.7.3.1)",
        requirements = {Requirement.LYNC_SERVER_EKU},
        description = "Fails when a service certificate's Extended Key Usage extension is present and lists "
                + "neither Server Authentication (1.3.6.1.5.5.7.3.1) nor anyExtendedKeyUsage. A certificate "
                + "without the extension is valid for every purpose and passes.",
        remediation = "Re-issue the certificate from a template whose Application Policies include Server "
                + "Authentication (the Web Server template, or Request-CsCertificate).",
        evidence = {"extendedKeyUsages"})
public final class EkuMissingServerAuth extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (ExtendedKeyUsages.lacks(certificate, CertificateFacts.EKU_SERVER_AUTH)) {
            findings.add(certificate, "Service certificate " + certificate.label()
                    + " is not valid for Server Authentication; its EKUs are "
                    + ExtendedKeyUsages.describe(certificate) + ".",
                    Map.of("extendedKeyUsages", ExtendedKeyUsages.oids(certificate)));
        }
    }
}
