package io.certaudit.catalog.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.SourceProblem;

/*
 * CertEnumCertificatesInStore returns NULL both at the end of the store and on failure; GetLastError tells them
 * apart: CRYPT_E_NOT_FOUND or ERROR_NO_MORE_FILES is the end, anything else a failure
 * (learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certenumcertificatesinstore). A store cut short
 * would otherwise look complete, and every rule would judge a store with certificates missing.
 */
@RuleInfo(
        id = "store-read-partially",
        title = "A certificate store was read only in part",
        severity = Severity.WARNING,
        area = Area.INVENTORY,
        citation = "CertEnumCertificatesInStore: NULL with CRYPT_E_NOT_FOUND or ERROR_NO_MORE_FILES is the end of "
                + "the store, any other error a failure (learn.microsoft.com/windows/win32/api/wincrypt/"
                + "nf-wincrypt-certenumcertificatesinstore)",
        basis = "Audit integrity: a store that could not be read to its end makes every verdict on it incomplete",
        description = "Warns when enumerating a store failed before its end: the certificates read before the "
                + "failure are audited, but any after it are missing, so a missing chain certificate or service "
                + "certificate may be a false finding and a problem with the unread ones goes unseen.",
        remediation = {
                "Run the audit again.",
                "If it recurs, open the store named in the finding (certlm.msc or certutil -store STORE) and look "
                        + "for a damaged entry, and check the Application event log for CAPI2 errors."},
        evidence = {"store"})
public final class StoreReadPartially extends HostRule {

    @Override
    protected void check(AuditContext context, Findings findings) {
        for (SourceProblem problem : context.snapshot().problems()) {
            if (problem.kind() != SourceProblem.Kind.STORE_READ_PARTIALLY) {
                continue;
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("store", problem.origin());
            findings.addHost(problem.store(), problem.message(), evidence);
        }
    }
}
