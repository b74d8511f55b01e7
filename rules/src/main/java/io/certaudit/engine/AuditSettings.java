package io.certaudit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the user told the audit: the names the service must answer to, the expiry horizon, and per-rule
 * severity overrides and disabled rules.
 *
 * @param poolFqdn           the trusted application pool FQDN, or {@code null}
 * @param instanceFqdns      the FQDN of each BEMS instance the certificate serves
 * @param gatewayAddress     the Exchange UM IP gateway address (compared case-sensitively), or {@code null}
 * @param expiryWarningDays  how many days before expiry {@code certificate-expiring} warns
 * @param severityOverrides  rule id to the severity its findings get instead of the default
 * @param disabledRules      rule ids not to run
 */
public record AuditSettings(@Nullable String poolFqdn, List<String> instanceFqdns, @Nullable String gatewayAddress,
                            int expiryWarningDays,
                            Map<String, Severity> severityOverrides, Set<String> disabledRules) {

    /** The expiry horizon when none is given. */
    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;

    public AuditSettings {
        poolFqdn = blankToNull(poolFqdn);
        gatewayAddress = blankToNull(gatewayAddress);
        instanceFqdns = instanceFqdns == null ? List.of()
                : instanceFqdns.stream().map(AuditSettings::blankToNull).filter(n -> n != null).toList();
        if (expiryWarningDays < 0) {
            throw new IllegalArgumentException("expiry warning days must not be negative: " + expiryWarningDays);
        }
        severityOverrides = severityOverrides == null ? Map.of() : Map.copyOf(new TreeMap<>(severityOverrides));
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
    }

    /** No names, a 30-day horizon, no overrides. */
    public static AuditSettings defaults() {
        return new AuditSettings(null, List.of(), null, DEFAULT_EXPIRY_WARNING_DAYS, Map.of(), Set.of());
    }

    public AuditSettings withPoolFqdn(@Nullable String name) {
        return new AuditSettings(name, instanceFqdns, gatewayAddress, expiryWarningDays, severityOverrides,
                disabledRules);
    }

    public AuditSettings withInstanceFqdns(List<String> names) {
        return new AuditSettings(poolFqdn, names, gatewayAddress, expiryWarningDays, severityOverrides,
                disabledRules);
    }

    public AuditSettings withGatewayAddress(@Nullable String address) {
        return new AuditSettings(poolFqdn, instanceFqdns, address, expiryWarningDays, severityOverrides,
                disabledRules);
    }

    public AuditSettings withExpiryWarningDays(int days) {
        return new AuditSettings(poolFqdn, instanceFqdns, gatewayAddress, days, severityOverrides, disabledRules);
    }

    public AuditSettings withSeverityOverrides(Map<String, Severity> overrides) {
        return new AuditSettings(poolFqdn, instanceFqdns, gatewayAddress, expiryWarningDays, overrides,
                disabledRules);
    }

    public AuditSettings withDisabledRules(Set<String> rules) {
        return new AuditSettings(poolFqdn, instanceFqdns, gatewayAddress, expiryWarningDays, severityOverrides,
                rules);
    }

    /** Every name the service certificate must answer to: pool, instances, gateway; no duplicates. */
    public List<String> expectedNames() {
        Set<String> names = new LinkedHashSet<>();
        if (poolFqdn != null) {
            names.add(poolFqdn);
        }
        names.addAll(instanceFqdns);
        if (gatewayAddress != null) {
            names.add(gatewayAddress);
        }
        return new ArrayList<>(names);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
