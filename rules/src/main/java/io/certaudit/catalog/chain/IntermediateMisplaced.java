package io.certaudit.catalog.chain;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "Intermediate certificates for both ... must be located in the ... Intermediate Certification
 * Authorities\Certificates folder."
 */
@RuleInfo(
        id = "intermediate-misplaced",
        title = "Intermediate of a service chain is not in the Intermediate store",
        severity = Severity.WARNING,
        area = Area.CHAIN,
        citation = "BEMS MTLS certificates: intermediates in Intermediate Certification Authorities (B3)",
        requirements = {Requirement.B3},
        description = "Warns when an intermediate (a non-self-signed CA) on a service certificate's path was "
                + "found only in Trusted Root or Personal instead of the Intermediate store. Windows may still "
                + "build the chain, but peers and tools that follow the documented layout do not, and an "
                + "intermediate in Trusted Root also breaks Lync/Skype front ends.",
        remediation = "Move the certificate named in the finding into Certificates (Local Computer) > Intermediate "
                + "Certification Authorities and delete it from the store it was found in.",
        evidence = {"foundIn", "origin"})
public final class IntermediateMisplaced extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return !context.isServiceCertificate(certificate) && !context.chains().isSelfSigned(certificate);
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (certificate.store() == StoreName.CA) {
            return;
        }
        findings.add(certificate, "Intermediate " + certificate.label() + " is in " + certificate.store()
                + ", not in the Intermediate Certification Authorities store (CA).",
                Map.of("foundIn", certificate.store().name(), "origin", certificate.origin()));
    }
}
