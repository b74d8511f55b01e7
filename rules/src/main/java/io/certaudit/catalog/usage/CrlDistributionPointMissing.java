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
 * Lync Server 2013 certificate requirements: certificates must carry a CRL distribution point so peers can check
 * revocation.
 */
@RuleInfo(
        id = "crl-distribution-point-missing",
        title = "No CRL distribution point",
        severity = Severity.WARNING,
        area = Area.USAGE,
        citation = "Lync Server 2013 certificate requirements: CRL distribution point",
        requirements = {Requirement.LYNC_CRL_DISTRIBUTION_POINT},
        description = "Warns when a service certificate or an intermediate on its path has no CRL Distribution "
                + "Points extension, or one whose value cannot be decoded, so peers that check revocation cannot, "
                + "and may refuse it.",
        remediation = "Re-issue the certificate from a CA configured to publish a CDP (on a Windows CA: Properties "
                + "> Extensions > CRL Distribution Point, 'Include in the CDP extension').",
        evidence = {"issuer"})
public final class CrlDistributionPointMissing extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return !context.chains().isSelfSigned(certificate);
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        // An undecodable extension names no point a peer could fetch a CRL from, so it counts as missing; before
        // the facts told the two apart, an extension with ASN.1 of the wrong shape counted as present.
        if (certificate.facts().crlDistributionPointsExtension().isUndecodable()) {
            findings.add(certificate, certificate.label() + " has a CRL distribution points extension that cannot be "
                    + "decoded (" + certificate.facts().crlDistributionPointsExtension().reason()
                    + "), so it names no CRL distribution point.",
                    Map.of("issuer", certificate.facts().issuer()));
        } else if (!certificate.facts().hasCrlDistributionPoints()) {
            findings.add(certificate, certificate.label() + " has no CRL distribution point.",
                    Map.of("issuer", certificate.facts().issuer()));
        }
    }
}
