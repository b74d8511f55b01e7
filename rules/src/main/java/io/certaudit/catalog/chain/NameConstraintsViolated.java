package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* Windows checks the names of the certificates below a name-constrained CA and marks the CA element. */
@RuleInfo(
        id = "name-constraints-violated",
        title = "A name on the service chain breaks a CA's name constraints",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT, "
                + "CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT, CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT; RFC 5280 "
                + "sections 4.2.1.10 and 6.1.3 (b), (c)",
        requirements = {Requirement.B2},
        description = "Fails when a CA on the path of a service certificate has a nameConstraints extension and a "
                + "certificate below it has a subject name, an e-mail address, or a DNS, IP, directory-name, e-mail "
                + "or URI subject alternative name outside the permitted subtrees of that form or inside an excluded "
                + "one. A name is held only to constraints of its own form. Also fails when the constraints use a "
                + "form the chain engine does not support (a minimum or maximum, an otherName other than the UPN, "
                + "x400Address, ediPartyName, registeredID), which Windows marks "
                + "CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT.",
        remediation = "Request the service certificate with names inside the constrained CA's permitted namespace "
                + "(or outside its excluded one), or issue it from a CA whose constraints cover the names the "
                + "service needs.",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class NameConstraintsViolated extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.NAME_NOT_PERMITTED, ChainDefect.NAME_EXCLUDED,
                ChainDefect.NAME_CONSTRAINT_UNSUPPORTED);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " breaks name constraints";
    }
}
