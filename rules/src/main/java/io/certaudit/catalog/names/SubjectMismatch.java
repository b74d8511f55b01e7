package io.certaudit.catalog.names;

import java.util.Map;
import java.util.Objects;

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
 * SBC: "The subject common name in the CN in the certificate must match the Address field of the UM IP gateway
 * ... This string is case-sensitive, so make sure the case is the same."
 */
@RuleInfo(
        id = "subject-mismatch",
        title = "Subject CN differs from the gateway address",
        severity = Severity.ERROR,
        area = Area.NAMES,
        citation = "Exchange UM SBC certificate requirements: CN matches the UM IP gateway address, "
                + "case-sensitively (E2)",
        requirements = {Requirement.E2},
        description = "When a gateway address is configured, fails when a service certificate's subject CN is not "
                + "exactly that string, letter case included.",
        remediation = "Re-issue the certificate with CN exactly equal to the UM IP gateway's Address, or correct "
                + "the gateway's Address (Set-UMIPGateway -Address) to match the certificate, letter case included.",
        evidence = {"cn", "gatewayAddress"})
public final class SubjectMismatch extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return context.settings().gatewayAddress() != null;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        // appliesTo made sure a gateway address is set.
        String gateway = Objects.requireNonNull(context.settings().gatewayAddress());
        String cn = certificate.facts().subjectCommonName();
        if (gateway.equals(cn)) {
            return;
        }
        String detail = cn != null && cn.equalsIgnoreCase(gateway) ? " (they differ only in letter case, which "
                + "Exchange UM does not ignore)" : "";
        findings.add(certificate, "The subject CN '" + cn + "' of " + certificate.label()
                + " is not the gateway address '" + gateway + "'" + detail + ".",
                Map.of("cn", String.valueOf(cn), "gatewayAddress", gateway));
    }
}
