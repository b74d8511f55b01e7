package io.certaudit.agent.report;

import java.util.Collection;
import java.util.Locale;

/**
 * How a certificate, a path element or the whole audit looks to a reader: the worst severity among the findings that
 * concern it, or OK when none do. Text and HTML colour by it.
 */
public enum Health {
    ERROR, WARNING, INFO, OK;

    /** {@code error}, {@code warning}, {@code info}, {@code ok}: as findings name severities, plus ok. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The health a finding of this severity label gives; an unknown label counts as a warning, never as OK. */
    public static Health ofSeverity(String severity) {
        for (Health health : values()) {
            if (health != OK && health.label().equalsIgnoreCase(severity == null ? "" : severity)) {
                return health;
            }
        }
        return WARNING;
    }

    /** The worst health among {@code findings}, OK when there are none. */
    public static Health worst(Collection<AuditReport.FindingEntry> findings) {
        Health worst = OK;
        for (AuditReport.FindingEntry finding : findings) {
            Health health = ofSeverity(finding.severity());
            if (health.ordinal() < worst.ordinal()) {
                worst = health;
            }
        }
        return worst;
    }

    /** The health of the audit's status: CRITICAL is ERROR, WARNING is WARNING, anything else OK. */
    public static Health ofStatus(String status) {
        return switch (status == null ? "" : status) {
            case "CRITICAL" -> ERROR;
            case "WARNING" -> WARNING;
            default -> OK;
        };
    }
}
