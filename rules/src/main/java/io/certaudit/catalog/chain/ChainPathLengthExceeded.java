package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* Windows: CERT_TRUST_INVALID_BASIC_CONSTRAINTS also covers "the chain path length has been exceeded". */
@RuleInfo(
        id = "chain-path-length-exceeded",
        title = "More CA certificates below an issuer than its path length constraint allows",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_INVALID_BASIC_CONSTRAINTS (\"the chain "
                + "path length has been exceeded\"); RFC 5280 sections 4.2.1.9 and 6.1.4 (l), (m)",
        requirements = {Requirement.B2},
        description = "Fails when a CA on the path of a service certificate has a pathLenConstraint smaller than the "
                + "number of CA certificates between it and the service certificate. The chain engine counts every "
                + "intermediate below the CA, and marks the chain CERT_TRUST_INVALID_BASIC_CONSTRAINTS.",
        remediation = "Issue the service certificate from a CA the constraint allows (closer to the constrained "
                + "CA), or have the constrained CA reissued with a larger pathLenConstraint (certreq policy: "
                + "CAPolicy.inf PathLength).",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class ChainPathLengthExceeded extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.PATH_LENGTH_EXCEEDED);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " is too long for one of its CAs";
    }
}
