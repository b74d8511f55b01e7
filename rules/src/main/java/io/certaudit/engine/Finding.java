package io.certaudit.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

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
 * @param remediation what to do about it, the steps joined into one text
 * @param evidence    the facts behind the verdict, by name
 * @param remediationSteps what to do about it, step by step, as the rule's metadata lists them
 */
public record Finding(String rule, Severity severity, @Nullable StoreName store, @Nullable String thumbprint,
                      @Nullable String subject, String message, @Nullable String remediation,
                      Map<String, String> evidence, List<String> remediationSteps) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
        remediationSteps = remediationSteps == null ? List.of() : List.copyOf(remediationSteps);
    }

    /** A finding whose remediation is one step. */
    public Finding(String rule, Severity severity, @Nullable StoreName store, @Nullable String thumbprint,
                   @Nullable String subject, String message, @Nullable String remediation,
                   Map<String, String> evidence) {
        this(rule, severity, store, thumbprint, subject, message, remediation, evidence,
                remediation == null || remediation.isBlank() ? List.of() : List.of(remediation));
    }

    /** A finding whose remediation is {@code steps}, in order; its text is the steps joined. */
    static Finding withSteps(String rule, Severity severity, @Nullable StoreName store, @Nullable String thumbprint,
                             @Nullable String subject, String message, List<String> steps,
                             Map<String, String> evidence) {
        return new Finding(rule, severity, store, thumbprint, subject, message, String.join(" ", steps), evidence,
                steps);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, store, thumbprint, subject, message, remediation, evidence,
                remediationSteps);
    }
}
