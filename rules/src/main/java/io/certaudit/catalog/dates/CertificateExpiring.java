package io.certaudit.catalog.dates;

import java.time.Duration;
import java.time.Instant;
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
 * Early warning: renewal, import and key permissions take time on every BEMS server.
 */
@RuleInfo(
        id = "certificate-expiring",
        title = "Certificate on the service chain expires soon",
        severity = Severity.WARNING,
        area = Area.DATES,
        citation = "certaudit: expiry horizon (expiryWarningDays, default 30)",
        basis = "Operations: a warning ahead of expiry, at the horizon the settings give",
        description = "Warns when a service certificate, or any certificate on its path, is still valid but "
                + "expires within the configured number of days (default 30) of the evaluation instant.",
        remediation = "Renew the certificate before the date in the finding, import it with its key on every BEMS "
                + "server, grant the service account read access to the new key, and remove the old one.",
        evidence = {"daysLeft", "expiryWarningDays", "notAfter"})
public final class CertificateExpiring extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        Instant notAfter = certificate.facts().notAfter();
        Instant at = context.at();
        int days = context.settings().expiryWarningDays();
        if (at.isAfter(notAfter) || at.isBefore(certificate.facts().notBefore())) {
            return;
        }
        Duration left = Duration.between(at, notAfter);
        if (left.compareTo(Duration.ofDays(days)) < 0) {
            findings.add(certificate, certificate.label() + " expires on " + notAfter + ", in " + left.toDays()
                    + " day(s).", Map.of("notAfter", notAfter.toString(), "daysLeft", Long.toString(left.toDays()),
                    "expiryWarningDays", Integer.toString(days)));
        }
    }
}
