package io.certaudit.catalog.chain;

import java.util.LinkedHashMap;
import java.util.List;
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
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/*
 * SBC: "The certificate must be signed by a recognized certification authority (CA)." Exchange Online Unified
 * Messaging judges the SBC's certificate with Microsoft's trust, which is Microsoft's Trusted Root Program. Windows
 * keeps the roots of that program it has downloaded in Trusted Root's .AuthRoot physical store ("System Store
 * Locations": LocalMachine Root = .Default, .AuthRoot, .GroupPolicy, .Enterprise, .SmartCard); a root an
 * administrator or a policy added sits in .Default, .GroupPolicy or .Enterprise instead. So where the source
 * attributes Trusted Root's entries to physical stores and covered .AuthRoot, a service chain ending at a root
 * found in no .AuthRoot copy is signed by a CA the host has no sign of Microsoft recognising. Not knowing is not
 * evidence: a source that did not read .AuthRoot (a folder, a .reg of ROOT alone) leaves the rule not applicable.
 * .AuthRoot holds only the program roots this host has needed so far, so the finding is a warning and says so.
 */
@RuleInfo(
        id = "chain-root-not-recognised",
        title = "Exchange UM service certificate's root is not one of Microsoft's recognised roots",
        severity = Severity.WARNING,
        area = Area.CHAIN,
        citation = "Exchange UM SBC certificate requirements: signed by a recognised certification authority (E1); "
                + "Microsoft \"System Store Locations\" (the .AuthRoot physical store of Trusted Root)",
        description = "With a gateway address configured (the Exchange UM SBC case), warns when a service "
                + "certificate's chain ends at a trusted root that is not in Trusted Root's .AuthRoot physical "
                + "store, where Windows keeps the roots of Microsoft's Trusted Root Program: a root added by "
                + "hand, by Group Policy or by an enterprise CA is not one Exchange Online recognises. Applies only "
                + "where the source attributes Trusted Root's certificates to physical stores and read .AuthRoot "
                + "(live Windows, or a registry export that includes HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\"
                + "AuthRoot); otherwise it is not applicable. .AuthRoot holds only the program roots the host has "
                + "downloaded, so a program root this host never needed is also reported: check the CA against "
                + "Microsoft's list of program participants.",
        requirements = {Requirement.E1},
        remediation = {
                "Check the root named in the finding against Microsoft's list of Trusted Root Program participants.",
                "If it is not in the program, obtain the SBC certificate from a CA that is."},
        evidence = {"path", "root", "rootPhysicalStores"})
public final class ChainRootNotRecognised extends CertificateRule {

    /** The physical store of Trusted Root that holds the roots of Microsoft's Trusted Root Program. */
    static final String AUTH_ROOT = ".AuthRoot";

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return context.settings().gatewayAddress() != null && authRootRead(context.snapshot().store(StoreName.ROOT));
    }

    /** Whether any Trusted Root entry is attributed to .AuthRoot: the source read that physical store. */
    private static boolean authRootRead(List<StoredCertificate> roots) {
        return roots.stream().anyMatch(root -> AUTH_ROOT.equalsIgnoreCase(root.physicalStore()));
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        CertificatePath path = context.chains().pathOf(certificate);
        if (path.status() != ChainStatus.COMPLETE) {
            return; // chain-incomplete and chain-untrusted-root say what is wrong with it
        }
        StoredCertificate root = path.top();
        List<String> physical = context.snapshot().store(StoreName.ROOT).stream()
                .filter(copy -> copy.thumbprint().equals(root.thumbprint()))
                .map(copy -> copy.physicalStore() == null ? "unattributed" : copy.physicalStore())
                .toList();
        if (physical.stream().anyMatch(AUTH_ROOT::equalsIgnoreCase)) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("path", path.describe());
        evidence.put("root", root.thumbprint());
        evidence.put("rootPhysicalStores", String.join(", ", physical));
        findings.add(certificate, "The chain of " + certificate.label() + " ends at root " + root.label()
                + ", which this host trusts from " + String.join(", ", physical) + " but not from .AuthRoot, the "
                + "roots of Microsoft's Trusted Root Program: Exchange Online recognises only CAs of that program "
                + "(.AuthRoot holds only the program roots this host has downloaded, so check the CA against "
                + "Microsoft's list).", evidence);
    }
}
