package io.certaudit.engine;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.certaudit.model.StoreName;

/**
 * One thing a rule found wrong.
 *
 * @param rule        the rule id; every finding has one
 * @param severity    after config overrides
 * @param store       the store of the certificate concerned, or {@code null} for a host-wide finding
 * @param thumbprint  the certificate concerned, or {@code null}
 * @param subject     its subject, for people reading the report, or {@code null}
 * @param message     what is wrong, naming the certificate, file or value concerned
 * @param remediation what to do about it
 * @param evidence    the facts behind the verdict, by name
 */
public record Finding(String rule, Severity severity, StoreName store, String thumbprint, String subject,
                      String message, String remediation, Map<String, String> evidence) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, store, thumbprint, subject, message, remediation, evidence);
    }
}
