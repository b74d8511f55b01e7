package io.certaudit.catalog.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/*
 * BEMS: "The private certificate issued for BEMS ... must be stored on the computer hosting BEMS"; field
 * (Lync Server 2013 Unleashed): the private key was not exported with the certificate, so the snap-in does not
 * show "You have a private key that corresponds to this certificate".
 */
@RuleInfo(
        id = "private-key-missing",
        title = "Service certificate has no usable private key",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "BEMS MTLS certificates (B1); Lync Server 2013 Unleashed: private key not exported with the "
                + "certificate",
        requirements = {Requirement.B1},
        description = "Fails when the source knows a service certificate has no private key it can use: no key "
                + "associated, a key container that is gone, or a key file that does not match the certificate. "
                + "When the source cannot tell, the rule does not apply rather than guess.",
        remediation = "Re-import the certificate from a PFX that includes the private key (Import-PfxCertificate "
                + "-CertStoreLocation Cert:\\LocalMachine\\My), or repair the association with certutil -repairstore "
                + "my THUMBPRINT if the key is still on the machine.",
        evidence = {"container", "evidence"})
public final class PrivateKeyMissing extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return certificate.hasPrivateKey() != Tristate.UNKNOWN;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        PrivateKeyFacts key = certificate.privateKey();
        if (certificate.hasPrivateKey() != Tristate.NO || key.defect() == KeyDefect.KEY_MISMATCH) {
            // A key that exists but is not the certificate's own is private-key-mismatch's finding.
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        if (key.evidence() != null) {
            evidence.put("evidence", key.evidence());
        }
        if (key.container() != null) {
            evidence.put("container", key.container());
        }
        findings.add(certificate, "Service certificate " + certificate.label() + " has no usable private key"
                + (key.evidence() == null ? "." : ": " + key.evidence() + "."), evidence);
    }
}
