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
import io.certaudit.model.StoredCertificate;

/*
 * SBC: "Self-signed certificates, which you generate yourself, aren't supported."
 */
@RuleInfo(
        id = "self-signed-certificate",
        title = "Service certificate is self-signed",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Exchange UM SBC certificate requirements: self-signed certificates are not supported (E1)",
        requirements = {Requirement.E1},
        description = "Fails when a service certificate is its own issuer (subject equals issuer and its own key "
                + "verifies its signature). MTLS peers trust a CA, not individual self-signed certificates.",
        remediation = "Request the certificate from a CA both sides trust (the enterprise CA, or a public CA for "
                + "federation), import it with its key into LocalMachine\\Personal and remove the self-signed one.",
        evidence = {"issuer"})
public final class SelfSignedCertificate extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (context.chains().isSelfSigned(certificate)) {
            findings.add(certificate, "Service certificate " + certificate.label() + " is self-signed.",
                    Map.of("issuer", certificate.facts().issuer()));
        }
    }
}
