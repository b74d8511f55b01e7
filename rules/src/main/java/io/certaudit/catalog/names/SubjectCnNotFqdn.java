package io.certaudit.catalog.names;

import java.util.Map;
import java.util.Optional;

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
 * BEMS: "The Subject Name certificate property must contain the Common Name (CN) of a valid FQDN such as a trusted
 * application pool name (for example, CN=bemsapppool.example.com)."
 */
@RuleInfo(
        id = "subject-cn-not-fqdn",
        title = "Subject CN is not a valid FQDN",
        severity = Severity.ERROR,
        area = Area.NAMES,
        citation = "BEMS MTLS certificates: Subject Name must contain the CN of a valid FQDN (B4)",
        requirements = {Requirement.B4},
        description = "Fails when a service certificate's subject has no CN, or its CN is not a fully qualified "
                + "domain name (a single label, a wildcard, an IP address, invalid characters).",
        remediation = "Re-issue the certificate with CN set to the trusted application pool FQDN (for example "
                + "CN=bemsapppool.example.com).",
        evidence = {"cn", "subject"})
public final class SubjectCnNotFqdn extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        String cn = certificate.facts().subjectCommonName();
        if (cn == null) {
            findings.add(certificate, "Service certificate " + certificate.label() + " has no CN in its subject '"
                    + certificate.facts().subject() + "'.", Map.of("subject", certificate.facts().subject()));
            return;
        }
        Optional<String> why = HostNames.whyNotFqdn(cn);
        why.ifPresent(reason -> findings.add(certificate, "The subject CN '" + cn + "' of " + certificate.label()
                + " is not a valid FQDN: " + reason + ".", Map.of("cn", cn)));
    }
}
