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

    /**
     * Held in place of a remediation that is the steps joined, and joined again when asked for: a finding that a
     * new certificate fixes carries about a kilobyte of steps naming its own request file, and tens of thousands
     * of findings would otherwise hold that text twice until the report is written. Compared by identity.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String STEPS_JOINED = new String("(the steps joined)");

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
        remediationSteps = remediationSteps == null ? List.of() : List.copyOf(remediationSteps);
        if (remediationSteps.size() > 1 && isJoined(remediation, remediationSteps)) {
            remediation = STEPS_JOINED;
        }
    }

    /** What to do about it, the steps joined into one text. */
    @Override
    public @Nullable String remediation() {
        return remediation == STEPS_JOINED ? String.join(" ", remediationSteps) : remediation;
    }

    @Override
    public String toString() {
        return "Finding[rule=" + rule + ", severity=" + severity + ", store=" + store + ", thumbprint=" + thumbprint
                + ", subject=" + subject + ", message=" + message + ", remediation=" + remediation()
                + ", evidence=" + evidence + ", remediationSteps=" + remediationSteps + "]";
    }

    /**
     * Whether {@code text} is {@code steps} joined with single spaces, found without making the joined text.
     * Two values that are both the same steps joined compare equal either way, as the record's equality wants.
     */
    public static boolean isJoined(@Nullable String text, List<String> steps) {
        if (text == null) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                if (at >= text.length() || text.charAt(at) != ' ') {
                    return false;
                }
                at++;
            }
            String step = steps.get(i);
            if (!text.startsWith(step, at)) {
                return false;
            }
            at += step.length();
        }
        return at == text.length();
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
        return new Finding(rule, newSeverity, store, thumbprint, subject, message, remediation(), evidence,
                remediationSteps);
    }
}
