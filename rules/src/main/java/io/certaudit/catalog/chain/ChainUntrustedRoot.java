package io.certaudit.catalog.chain;

import java.util.Map;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainStatus;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "The BEMS computer's private certificate ... must both be trusted by root certificates in BEMS's Console
 * Root\Certificate <local_host_name>\Trusted Root Certification Authorities\Certificates folder."
 * SBC: "The certificate must be signed by a recognized certification authority (CA)."
 */
@RuleInfo(
        id = "chain-untrusted-root",
        title = "Service certificate's chain ends at a root not in Trusted Root",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "BEMS MTLS certificates: trusted by roots in Trusted Root (B2); Exchange UM SBC: signed by a "
                + "recognised CA (E1)",
        requirements = {Requirement.B2, Requirement.E1},
        description = "Fails when the path of a service certificate reaches a self-signed root that is not in "
                + "LocalMachine\\Trusted Root Certification Authorities (for example a root left in the "
                + "Intermediate store, or a self-signed service certificate).",
        remediation = "Import the root certificate named in the finding into Certificates (Local Computer) > "
                + "Trusted Root Certification Authorities (or distribute it by Group Policy), after confirming "
                + "with its owner that it should be trusted.",
        evidence = {"path", "rejectedPaths", "root", "rootFoundIn"})
public final class ChainUntrustedRoot extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        CertificatePath path = context.chains().pathOf(certificate);
        if (path.status() != ChainStatus.UNTRUSTED_ROOT) {
            return;
        }
        StoredCertificate root = path.top();
        findings.add(certificate, "The chain of " + certificate.label() + " ends at root " + root.label()
                + ", found in " + root.store() + " but not in Trusted Root (ROOT).",
                withRejected(path, Map.of("path", path.describe(), "root", root.thumbprint(),
                        "rootFoundIn", root.store().name())));
    }

    /** The evidence, plus the candidate paths the search did not take when there were any. */
    static Map<String, String> withRejected(CertificatePath path, Map<String, String> evidence) {
        String rejected = path.describeRejected();
        if (rejected == null) {
            return evidence;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(evidence);
        all.put("rejectedPaths", rejected);
        return all;
    }
}
