package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * RFC 5280 4.2: "A certificate-using system MUST reject the certificate if it encounters a critical extension it does
 * not recognize".
 */
@RuleInfo(
        id = "critical-extension-unknown",
        title = "A certificate on the service chain has a critical extension Windows does not process",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_INVALID_EXTENSION, "
                + "CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT; RFC 5280 section 4.2",
        requirements = {Requirement.B2},
        description = "Fails when a certificate on the path of a service certificate (the certificate itself, an "
                + "intermediate or the root) marks critical an extension the chain engine does not process. RFC 5280 "
                + "requires a certificate with an unrecognized critical extension to be rejected; Windows marks it "
                + "CERT_TRUST_INVALID_EXTENSION | CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT.",
        remediation = "Have the certificate named in the finding reissued without the extension, or with it not "
                + "critical, and replace it in its store.",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class CriticalExtensionUnknown extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.CRITICAL_EXTENSION_UNKNOWN);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " cannot be validated";
    }
}
