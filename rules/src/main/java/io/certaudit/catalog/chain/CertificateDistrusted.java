package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* Windows: "The certificate was explicitly distrusted" (CERT_TRUST_IS_EXPLICIT_DISTRUST). */
@RuleInfo(
        id = "certificate-distrusted",
        title = "A certificate on the service chain is in Untrusted Certificates",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_IS_EXPLICIT_DISTRUST (a certificate in the "
                + "Disallowed store)",
        requirements = {Requirement.B2},
        description = "Fails when a certificate on the path of a service certificate (the certificate itself, an "
                + "intermediate or the root) is in LocalMachine Untrusted Certificates (the Disallowed store). "
                + "Windows marks such a chain CERT_TRUST_IS_EXPLICIT_DISTRUST and no TLS handshake accepts it, "
                + "whatever Trusted Root holds.",
        remediation = {
                "If the distrust is deliberate (a compromised or retired CA), replace the service certificate with "
                        + "one from another CA.",
                "If not, remove the certificate named in the finding from Certificates (Local Computer) > "
                        + "Untrusted Certificates (Remove-Item Cert:\\LocalMachine\\Disallowed\\THUMBPRINT)."},
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class CertificateDistrusted extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.DISTRUSTED);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " is explicitly distrusted";
    }
}
