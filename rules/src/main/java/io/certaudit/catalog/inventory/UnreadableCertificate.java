package io.certaudit.catalog.inventory;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.SourceProblem;

/*
 * A store entry that cannot be read is reported and skipped: the rest of the audit goes on.
 */
@RuleInfo(
        id = "unreadable-certificate",
        title = "A store entry could not be read",
        severity = Severity.WARNING,
        area = Area.INVENTORY,
        citation = "certaudit: every entry the source could not read or parse",
        basis = "Audit integrity: an entry that could not be read is reported, never skipped",
        description = "Reports each entry the source could not read: an empty file, a file that is not a "
                + "certificate or of no kind a store holds, a truncated PEM, a PFX with the wrong password, a "
                + "damaged store element, a link leading out of the source. The entry is left out of every other "
                + "check; the audit goes on.",
        remediation = {
                "Open the entry named in the finding (certlm.msc, certutil -dump FILE) and replace or remove it.",
                "The finding says what the entry is and, for a PFX that needs its password, how to give it."},
        evidence = {"origin"})
public final class UnreadableCertificate extends HostRule {

    @Override
    protected void check(AuditContext context, Findings findings) {
        for (SourceProblem problem : context.snapshot().problems()) {
            if (problem.kind() == SourceProblem.Kind.STORE_READ_PARTIALLY) {
                // store-read-partially reports it.
                continue;
            }
            findings.addEntry(problem.store(), null, null, problem.origin() + ": " + problem.message(),
                    Map.of("origin", problem.origin()));
        }
    }
}
