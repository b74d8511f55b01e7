package io.certaudit.catalog.rootstore;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * Microsoft, "Lync Server 2013 Front-End service cannot start in Windows Server 2012": a certificate in Trusted
 * Root that is not self-signed stops the front end and breaks MTLS (CERT_E_UNTRUSTEDROOT, events 61029, 32042).
 */
@RuleInfo(
        id = "root-store-non-self-signed",
        title = "Trusted Root holds a certificate that is not self-signed",
        severity = Severity.ERROR,
        area = Area.ROOTSTORE,
        citation = "Microsoft: Lync Server 2013 Front-End service cannot start in Windows Server 2012 "
                + "(events 61029, 32042)",
        basis = "Windows behaviour: Windows Server 2012 and later reject a chain when Trusted Root holds a "
                + "certificate that is not self-signed (Lync Server 2013 Front-End service cannot start)",
        description = "Fails for every certificate in Trusted Root whose issuer differs from its subject or whose "
                + "own key does not verify its signature. Windows Server 2012 and later then treat client "
                + "certificates as untrusted and MTLS breaks.",
        remediation = "Move each certificate named in the finding to Intermediate Certification Authorities "
                + "(Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object { $_.Issuer -ne $_.Subject } | Move-Item "
                + "-Destination Cert:\\LocalMachine\\CA).",
        evidence = {"issuer", "origin"})
public final class RootStoreNonSelfSigned extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.ROOT_STORE;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (context.chains().isSelfSigned(certificate)) {
            return;
        }
        String why = certificate.facts().selfIssued()
                ? "its subject equals its issuer but its own key does not verify its signature"
                : "it is issued by '" + certificate.facts().issuer() + "'";
        findings.add(certificate, "Trusted Root holds " + certificate.label() + ", which is not self-signed: "
                + why + ".", Map.of("issuer", certificate.facts().issuer(), "origin", certificate.origin()));
    }
}
