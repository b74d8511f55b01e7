package io.certaudit.catalog.rootstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/*
 * Field checklists for Lync/Skype certificate stores: duplicates in Trusted Root (typically one added by hand and
 * one pushed by Group Policy) confuse administrators and inflate the trusted issuer list.
 */
@RuleInfo(
        id = "root-store-duplicate",
        title = "Same certificate more than once in Trusted Root",
        severity = Severity.WARNING,
        area = Area.ROOTSTORE,
        citation = "Field checklists for Lync/Skype for Business certificate stores",
        basis = "Field checklists for Lync/Skype for Business certificate stores",
        description = "Warns for each certificate that appears more than once in Trusted Root (the same "
                + "thumbprint in several physical stores or files), naming where each copy is.",
        remediation = "Keep one copy: if Group Policy distributes the root, delete the copy added by hand "
                + "(certlm.msc > Trusted Root Certification Authorities).",
        evidence = {"copies", "locations"})
public final class RootStoreDuplicate extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return !context.snapshot().store(StoreName.ROOT).isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        Map<String, List<StoredCertificate>> copies = new LinkedHashMap<>();
        for (StoredCertificate certificate : context.snapshot().store(StoreName.ROOT)) {
            copies.computeIfAbsent(certificate.thumbprint(), t -> new ArrayList<>()).add(certificate);
        }
        for (List<StoredCertificate> same : copies.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<String> where = same.stream()
                    .map(c -> c.physicalStore() == null ? c.origin() : c.physicalStore() + " (" + c.origin() + ")")
                    .toList();
            StoredCertificate first = same.get(0);
            findings.add(first, "Trusted Root holds " + first.label() + " " + same.size() + " times: "
                    + String.join("; ", where) + ".", Map.of("copies", Integer.toString(same.size()),
                    "locations", String.join("; ", where)));
        }
    }
}
