package io.certaudit.catalog.chain;

import java.util.List;

import io.certaudit.chain.ChainDefect;
import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/* Windows intersects the EKU extension and the EKU property of every element of the chain with the requested usage. */
@RuleInfo(
        id = "chain-not-valid-for-usage",
        title = "Service certificate's chain is not valid for both Server and Client Authentication",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "Microsoft: CERT_TRUST_STATUS (wincrypt.h), CERT_TRUST_IS_NOT_VALID_FOR_USAGE; "
                + "CertGetEnhancedKeyUsage and CERT_ENHKEY_USAGE_PROP_ID (CertSetCertificateContextProperty)",
        requirements = {Requirement.B2},
        description = "Fails when the usages the path of a service certificate is valid for leave out Server "
                + "Authentication or Client Authentication: the EKU extension of an issuer (a CA restricted to other "
                + "purposes) or the store's EKU property of any element (the purposes set in certlm.msc > "
                + "Properties, e.g. a root restricted to Secure Email) excludes it. An MTLS service is server and "
                + "client, so Windows must find the chain valid for both; it marks it "
                + "CERT_TRUST_IS_NOT_VALID_FOR_USAGE otherwise. The service certificate's own EKU extension is "
                + "judged by eku-missing-server-auth and eku-missing-client-auth.",
        remediation = "Open the element named in the finding in certlm.msc > Properties > General and choose "
                + "Enable all purposes for this certificate (or add Server and Client Authentication), or issue "
                + "the service certificate from a CA whose EKU allows both.",
        evidence = {"element", "elementStore", "path", "rejectedPaths", "windowsTrustStatus"})
public final class ChainNotValidForUsage extends ChainDefectRule {

    @Override
    protected List<ChainDefect> defects() {
        return List.of(ChainDefect.NOT_VALID_FOR_USAGE);
    }

    @Override
    protected String lead(StoredCertificate certificate) {
        return "The chain of " + certificate.label() + " is not valid for mutual TLS";
    }
}
