package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* RFC 5280 4.2.1.3: keyCertSign is asserted when the subject public key verifies certificate signatures. */
@RuleInfo(
        id = "chain-issuer-key-usage",
        title = "An issuer on the service chain may not sign certificates by its key usage",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_IS_NOT_VALID_FOR_USAGE; RFC 5280 sections "
                + "4.2.1.3 and 6.1.4 (n)",
        requirements = {Requirement.B2},
        description = "Fails when an issuer on the path of a service certificate has a keyUsage extension without "
                + "keyCertSign: its key may not sign certificates. Windows marks the issuer "
                + "CERT_TRUST_IS_NOT_VALID_FOR_USAGE. An issuer with no keyUsage extension is accepted, as the chain "
                + "engine accepts it.",
        remediation = "Have the issuing CA certificate named in the finding reissued with keyUsage keyCertSign "
                + "(and cRLSign), import it into Intermediate Certification Authorities, and remove the old copy.",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class ChainIssuerKeyUsage extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.ISSUER_KEY_USAGE);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " is invalid";
    }
}
