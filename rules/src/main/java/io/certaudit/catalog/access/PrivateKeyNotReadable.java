package io.certaudit.catalog.access;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/*
 * BEMS: "The BEMS service account must have read access to the certificate store and the private key."
 */
@RuleInfo(
        id = "private-key-not-readable",
        title = "Service account cannot read the service certificate's private key",
        severity = Severity.ERROR,
        area = Area.ACCESS,
        citation = "BEMS MTLS certificates (B7): the service account must have read access to the certificate "
                + "store and the private key",
        requirements = {Requirement.B7},
        description = "Applies to service certificates whose source checked the key file's access (the live "
                + "Windows source). Fails when the service account, with its groups, is not granted read "
                + "(FILE_GENERIC_READ, what GENERIC_READ maps to and what a key provider opens the file with) on the "
                + "key file, as Windows' own access check (Authz) computes it from the "
                + "file's ACL. When the audit cannot tell (no service account configured, an ACL the audit may "
                + "not read, a TPM or smart-card key without a file) it warns and says why instead of passing.",
        remediation = {
                "When the account cannot read the key: grant the service account Read on the private key: "
                        + "certlm.msc > Personal > Certificates > the certificate > All Tasks > Manage Private Keys > "
                        + "Add the account with Read (or icacls \"KEY FILE\" /grant \"ACCOUNT:R\").",
                "When the audit could not tell, the finding says why: no account named (name it with "
                        + "--service-name or --service-account), a key file's ACL only an administrator may read (run "
                        + "the audit as administrator), or a key on a device without a file (check Manage Private "
                        + "Keys by hand)."},
        evidence = {"account", "accountSid", "acl", "object", "sddl", "unknownReason"})
public final class PrivateKeyNotReadable extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        PrivateKeyFacts key = certificate.privateKey();
        // A key known to be missing is private-key-missing's finding, not an access problem.
        return key != null && key.keyFileAccess() != null && key.present() != Tristate.NO;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        PrivateKeyFacts key = certificate.privateKey();
        AccessFacts access = key.keyFileAccess();
        Map<String, String> evidence = AccessEvidence.of(access);
        String file = key.keyFile() == null ? "" : " (" + key.keyFile() + ")";
        if (access.canRead() == Tristate.NO) {
            findings.add(Severity.ERROR, certificate, "The service account " + access.account() + " cannot read "
                    + "the private key" + file + " of service certificate " + certificate.label() + ".", evidence,
                    GRANT_READ);
        } else if (access.canRead() == Tristate.UNKNOWN) {
            findings.add(Severity.WARNING, certificate, "Could not tell whether the service account can read the "
                    + "private key" + file + " of service certificate " + certificate.label() + ": "
                    + access.unknownReason() + ".", evidence, whenUnknown(access, context.snapshot().auditElevated()));
        }
    }

    static final String GRANT_READ = "Grant the service account Read on the private key: certlm.msc > Personal > "
            + "Certificates > the certificate > All Tasks > Manage Private Keys > Add the account with Read (or "
            + "icacls \"KEY FILE\" /grant \"ACCOUNT:R\").";

    /**
     * What to do when the audit could not tell: name the account when none was named; run elevated only when the
     * audit is known not to have been (an elevated audit that could not read the ACL will not read it again).
     */
    static String whenUnknown(AccessFacts access, Tristate elevated) {
        if (access.account() == null) {
            return "Name the service account with --service-name or --service-account, so its access can be "
                    + "checked.";
        }
        String byHand = "check by hand that the account has Read in Manage Private Keys (certlm.msc > Personal > "
                + "Certificates > the certificate > All Tasks > Manage Private Keys)";
        return switch (elevated) {
            case NO -> "Run the audit as administrator, so that the key's permissions can be read; or " + byHand
                    + ".";
            case YES -> "The audit ran as administrator, so running elevated again does not help: " + byHand
                    + ". " + GRANT_READ.replace("Grant", "If it lacks it, grant");
            case UNKNOWN -> "If the audit ran without administrator rights, run it as administrator, so that the "
                    + "key's permissions can be read; otherwise " + byHand + ".";
        };
    }
}
