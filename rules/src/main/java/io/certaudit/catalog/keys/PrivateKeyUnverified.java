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
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/*
 * The counterpart of private-key-missing: when the source could not tell whether the key is there (the agent lacks
 * the right to open it, an export records only the key's name, a PEM key is encrypted), say so instead of passing.
 */
@RuleInfo(
        id = "private-key-unverified",
        title = "Service certificate's private key could not be verified",
        severity = Severity.WARNING,
        area = Area.KEYS,
        citation = "BEMS MTLS certificates (B1); certaudit: an unknown is reported, never passed",
        requirements = {Requirement.B1},
        description = "Warns when the source could not tell whether a service certificate's private key exists "
                + "and belongs to it: the agent was not allowed to open it (run elevated), an exported store "
                + "records only the key container's name, or a PEM key is encrypted. The finding carries the "
                + "source's reason. Audits of exported copies may set this rule to info.",
        remediation = {
                "It depends on why the key could not be verified, which the finding says. If the audit ran without "
                        + "administrator rights, run it on the host as administrator, so the key is opened and "
                        + "checked.",
                "If it ran elevated, or read an export (which records only the key's name), running elevated again "
                        + "does not help: check the key on the host by hand, as the account that owns it: certutil "
                        + "-verifystore my THUMBPRINT must say the private key is present and passes the encryption "
                        + "test."},
        evidence = {"container", "evidence"})
public final class PrivateKeyUnverified extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        if (certificate.hasPrivateKey() != Tristate.UNKNOWN) {
            return;
        }
        PrivateKeyFacts key = certificate.privateKey();
        String evidence = key == null || key.evidence() == null ? "the source does not tell" : key.evidence();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("evidence", evidence);
        if (key != null && key.container() != null) {
            facts.put("container", key.container());
        }
        findings.add(Severity.WARNING, certificate, "Whether service certificate " + certificate.label()
                + " has a usable private key could not be verified: " + evidence + ".", facts,
                remediation(context.snapshot().auditElevated()));
    }

    /** What to do, for what the rule knows of the audit's rights; both possibilities when it does not know them. */
    static String remediation(Tristate elevated) {
        String byHand = "certutil -verifystore my THUMBPRINT must say the private key is present and passes the "
                + "encryption test.";
        return switch (elevated) {
            case NO -> "The audit ran without administrator rights, which opening a machine key can need: run it "
                    + "on the host as administrator, so the key is opened and checked; or check it there by hand: "
                    + byHand;
            case YES -> "The audit ran as administrator and still could not open the key, so running elevated "
                    + "again does not help: check it on the host by hand, as the account that owns the key (for a "
                    + "key on a smart card or TPM, with the device present): " + byHand;
            case UNKNOWN -> "Either the audit lacked the rights to open the key (then run it on the host as "
                    + "administrator), or its source holds no key to open (an export records only the key's name, "
                    + "a PEM key is encrypted: then audit the host itself, or check the key there by hand): "
                    + byHand;
        };
    }
}
