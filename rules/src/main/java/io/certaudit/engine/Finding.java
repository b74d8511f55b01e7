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

    /**
     * Written out, comparing every component as a record's generated {@code equals} does (the engine drops repeated
     * findings through it), because the generated methods are linked on first use through method handles that no
     * class-data archive keeps: part of every audit's start-up. A new component must be added here too
     * ({@code FindingTest} fails until it is).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that
                && rule.equals(that.rule)
                && severity == that.severity
                && Objects.equals(store, that.store)
                && Objects.equals(thumbprint, that.thumbprint)
                && Objects.equals(subject, that.subject)
                && message.equals(that.message)
                && Objects.equals(remediation, that.remediation)
                && evidence.equals(that.evidence)
                && remediationSteps.equals(that.remediationSteps);
    }

    /** The value a record's generated {@code hashCode} gives: each component's hash, combined as 31 * h + next. */
    @Override
    public int hashCode() {
        int hash = rule.hashCode();
        hash = 31 * hash + severity.hashCode();
        hash = 31 * hash + Objects.hashCode(store);
        hash = 31 * hash + Objects.hashCode(thumbprint);
        hash = 31 * hash + Objects.hashCode(subject);
        hash = 31 * hash + message.hashCode();
        hash = 31 * hash + Objects.hashCode(remediation);
        hash = 31 * hash + evidence.hashCode();
        return 31 * hash + remediationSteps.hashCode();
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, store, thumbprint, subject, message, remediation, evidence,
                remediationSteps);
    }
}
