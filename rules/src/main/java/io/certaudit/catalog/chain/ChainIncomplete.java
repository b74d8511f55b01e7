package io.certaudit.catalog.chain;

import java.util.Map;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainStatus;
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
 * BEMS: "Intermediate certificates for both the BEMS private certificate and the ... internal computer
 * certificate must be located in the ... Intermediate Certification Authorities\Certificates folder."
 */
@RuleInfo(
        id = "chain-incomplete",
        title = "Service certificate's chain stops at a missing issuer",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "BEMS MTLS certificates: intermediates in Intermediate CAs, roots in Trusted Root (B2, B3)",
        requirements = {Requirement.B2, Requirement.B3},
        description = "Fails when the path of a service certificate, built from the local MY, CA and ROOT stores "
                + "only (no download), stops at a certificate whose issuer is in none of them, or whose only "
                + "same-named candidates do not verify its signature.",
        remediation = "Get the missing issuer certificate named in the finding from the issuing CA and import it: "
                + "an intermediate into Certificates (Local Computer) > Intermediate Certification Authorities, a "
                + "root into Trusted Root Certification Authorities.",
        evidence = {"missingIssuer", "path", "rejectedPaths"})
public final class ChainIncomplete extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        CertificatePath path = context.chains().pathOf(certificate);
        if (path.status() != ChainStatus.INCOMPLETE) {
            return;
        }
        StoredCertificate top = path.top();
        findings.add(certificate, "The chain of " + certificate.label() + " stops at " + top.label()
                + ": its issuer '" + path.missingIssuer() + "' is in none of MY, CA and ROOT"
                + " (or no certificate of that name verifies its signature).",
                ChainUntrustedRoot.withRejected(path, Map.of("path", path.describe(),
                        "missingIssuer", path.missingIssuer())));
    }
}
