package io.certaudit.agent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.certaudit.catalog.names.HostNames;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.Severity;
import picocli.CommandLine.Option;

/**
 * What the audit is told: the settings file, the names the service answers to, the expiry horizon and the instant
 * judged at. Shared by {@code audit}, {@code probe} and {@code remediate}; flags override the file.
 */
public final class AuditSettingsOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (YAML, or JSON when named *.json): the settings below plus per-rule "
                    + "severities under 'rules:' ('off' disables a rule). Flags override the file.")
    private Path config;

    @Option(names = "--pool-fqdn", paramLabel = "NAME",
            description = "The trusted application pool FQDN the certificate must name (CN and SAN).")
    private String poolFqdn;

    @Option(names = "--instance-fqdn", paramLabel = "NAME",
            description = "The FQDN of a BEMS instance the certificate serves; repeat for each.")
    private List<String> instanceFqdns = new ArrayList<>();

    @Option(names = "--gateway-address", paramLabel = "NAME",
            description = "The Exchange UM IP gateway address; CN and SAN must hold it, letter case included.")
    private String gatewayAddress;

    @Option(names = "--expiry-warning-days", paramLabel = "N",
            description = "Warn when a certificate of a service chain expires within N days (default 30).")
    private Integer expiryWarningDays;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Judge validity at this ISO-8601 instant or date (e.g. 2027-01-15T00:00:00Z or "
                    + "2027-01-15) instead of now.")
    private String at;

    /** What the last {@link #settings} call has to tell the user, such as a rule named by a former id. */
    private final List<String> notes = new ArrayList<>();

    /** The settings file given with --config, or {@code null}. */
    Path config() {
        return config;
    }

    /** The settings file, or an empty one when none is given. */
    ConfigFile configFile() throws UsageException {
        return config == null ? ConfigFile.empty() : ConfigFile.load(config);
    }

    /** The instant validity is judged at: --at, else now to the second. */
    Instant evaluatedAt(Clock clock) throws UsageException {
        return at == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : parseInstant(at);
    }

    /** Notes on the settings read by {@link #settings}: each a line for standard error, not a failure. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    AuditSettings settings(RuleCatalog catalog, ConfigFile file) throws UsageException {
        Map<String, Severity> overrides = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        notes.clear();
        for (Map.Entry<String, String> rule : file.rules().entrySet()) {
            RuleCatalog.RuleName name = catalog.resolve(rule.getKey()).orElseThrow(() -> new UsageException(
                    "config file " + config + ": unknown rule '" + rule.getKey() + "' under 'rules:'"
                            + ConfigFile.lineOf(config, "rules", rule.getKey()) + "; 'certaudit rules' lists them"));
            // A renamed rule keeps old settings files working; the note tells the user to update the file.
            name.note().ifPresent(note -> notes.add("config file " + config + ConfigFile.lineOf(config, "rules",
                    rule.getKey()) + ": " + note));
            if (overrides.containsKey(name.id()) || disabled.contains(name.id())) {
                throw new UsageException("config file " + config + ": rule '" + name.id() + "' is set twice under "
                        + "'rules:' (once by its former id); keep one");
            }
            String value = String.valueOf(rule.getValue()).trim();
            if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                disabled.add(name.id());
            } else {
                overrides.put(name.id(), Severity.fromLabel(value).orElseThrow(() -> new UsageException(
                        "config file " + config + ": rule '" + rule.getKey() + "'"
                                + ConfigFile.lineOf(config, "rules", rule.getKey()) + " is set to '" + value
                                + "'; use error, warning, info or off")));
            }
        }
        int days = expiryWarningDays != null ? expiryWarningDays
                : file.expiryWarningDays() != null ? file.expiryWarningDays()
                : AuditSettings.DEFAULT_EXPIRY_WARNING_DAYS;
        if (days < 0) {
            throw new UsageException((expiryWarningDays == null ? "config file " + config + ": setting "
                    + "'expiryWarningDays'" + ConfigFile.lineOf(config, "expiryWarningDays") + ": " : "")
                    + "the expiry warning must be 0 days or more, not " + days);
        }
        String pool = poolFqdn != null ? poolFqdn : file.poolFqdn();
        List<String> instances = instanceFqdns.isEmpty() ? file.instanceFqdns() : instanceFqdns;
        requireFqdn(pool, poolFqdn != null ? "--pool-fqdn" : "config file " + config + ": setting 'poolFqdn'"
                + ConfigFile.lineOf(config, "poolFqdn") + ":", "bemsapppool.example.com");
        for (String instance : instances) {
            requireFqdn(instance, !instanceFqdns.isEmpty() ? "--instance-fqdn" : "config file " + config
                    + ": setting 'instanceFqdns'" + ConfigFile.lineOf(config, "instanceFqdns") + ":",
                    "bemsserver01.example.com");
        }
        return new AuditSettings(pool, instances,
                gatewayAddress != null ? gatewayAddress : file.gatewayAddress(), days, overrides, disabled);
    }

    /**
     * Refuses a pool or instance name that is not an FQDN: no certificate can name it usefully, so every name rule
     * would fail for a reason that is the setting's, not the certificate's.
     */
    private static void requireFqdn(String name, String where, String example) throws UsageException {
        if (name == null) {
            return;
        }
        java.util.Optional<String> why = HostNames.whyNotFqdn(name.strip());
        if (why.isPresent()) {
            throw new UsageException(where + " '" + name + "' is not a fully qualified domain name: " + why.get()
                    + "; give the full DNS name, e.g. " + example);
        }
    }

    static Instant parseInstant(String text) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notADate) {
                throw new UsageException("--at '" + text + "' is not an ISO-8601 instant or date; write "
                        + "2027-01-15T00:00:00Z or 2027-01-15");
            }
        }
    }
}
