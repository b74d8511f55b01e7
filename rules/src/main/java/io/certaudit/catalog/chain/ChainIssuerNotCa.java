package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* Windows: CERT_TRUST_INVALID_BASIC_CONSTRAINTS, "the certificate cannot be used to issue other certificates". */
@RuleInfo(
        id = "chain-issuer-not-ca",
        title = "A certificate on the service chain is issued by a certificate that is not a CA",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_INVALID_BASIC_CONSTRAINTS; RFC 5280 "
                + "sections 4.2.1.9 and 6.1.4 (k)",
        requirements = {Requirement.B2},
        description = "Fails when an issuer on the path of a service certificate has a basicConstraints extension "
                + "that does not say cA: Windows marks the chain CERT_TRUST_INVALID_BASIC_CONSTRAINTS and SChannel "
                + "rejects it. An issuer with no basicConstraints at all is accepted, as the chain engine accepts v1 "
                + "roots and intermediates without one.",
        remediation = "Reissue the certificate from a real CA certificate (basicConstraints cA=TRUE, keyUsage "
                + "keyCertSign), or, if the issuer named in the finding was meant to be a CA, have it reissued as "
                + "one and import the new copy into Intermediate Certification Authorities.",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class ChainIssuerNotCa extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.ISSUER_NOT_CA);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " is invalid";
    }
}
