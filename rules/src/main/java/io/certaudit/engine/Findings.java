package io.certaudit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * Where one rule reports what it found. It fills in the rule id, default severity and remediation from the rule's
 * metadata, so a rule only says what is wrong and why.
 */
public final class Findings {

    /** The evidence key that marks a rule's could-not-be-evaluated finding; its value is the exception class. */
    static final String RULE_FAILURE = "ruleFailure";

    private final RuleInfo info;
    private final List<String> steps;
    private final List<Finding> collected = new ArrayList<>();
    private int failures;

    Findings(RuleInfo info) {
        this.info = info;
        this.steps = List.of(info.remediation());
    }

    /** Reports a problem with {@code certificate} at the rule's default severity. */
    public void add(StoredCertificate certificate, String message) {
        add(info.severity(), certificate, message, Map.of());
    }

    /** Reports a problem with {@code certificate} at the rule's default severity, with evidence. */
    public void add(StoredCertificate certificate, String message, Map<String, String> evidence) {
        add(info.severity(), certificate, message, evidence);
    }

    /** Reports a problem with {@code certificate} at a severity the rule chose for this case. */
    public void add(Severity severity, StoredCertificate certificate, String message, Map<String, String> evidence) {
        collected.add(Finding.withSteps(info.id(), severity, certificate.store(), certificate.thumbprint(),
                certificate.facts().subject(), message, steps, evidence));
    }

    /**
     * Reports a problem with {@code certificate} whose fix depends on what the rule knows of this case (the
     * catalogue's remediation states every case; this one names the case at hand).
     */
    public void add(Severity severity, StoredCertificate certificate, String message, Map<String, String> evidence,
                    String remediation) {
        collected.add(new Finding(info.id(), severity, certificate.store(), certificate.thumbprint(),
                certificate.facts().subject(), message, remediation, evidence));
    }

    /** Reports a problem not tied to one certificate, optionally tied to a store. */
    public void addHost(@Nullable StoreName store, String message, Map<String, String> evidence) {
        collected.add(Finding.withSteps(info.id(), info.severity(), store, null, null, message, steps, evidence));
    }

    /** Reports a problem not tied to one certificate at a severity the rule chose for this case. */
    public void addHost(Severity severity, @Nullable StoreName store, String message, Map<String, String> evidence) {
        collected.add(Finding.withSteps(info.id(), severity, store, null, null, message, steps, evidence));
    }

    /** Reports a problem with an entry that has a thumbprint but could not be parsed, or is not in a store. */
    public void addEntry(@Nullable StoreName store, @Nullable String thumbprint, @Nullable String subject,
                         String message, Map<String, String> evidence) {
        collected.add(Finding.withSteps(info.id(), info.severity(), store, thumbprint, subject, message,
                steps, evidence));
    }

    /**
     * Reports a problem seen on a TLS peer, at a severity the rule chose. The peer's address goes into the
     * evidence as {@code peer}; {@code thumbprint} and {@code subject} name the peer's certificate concerned, or
     * are {@code null} when none is.
     */
    public void addPeer(Severity severity, PeerAddress peer, @Nullable String thumbprint, @Nullable String subject,
                        String message,
                        Map<String, String> evidence) {
        Map<String, String> withPeer = new TreeMap<>(evidence);
        withPeer.put("peer", peer.toString());
        collected.add(Finding.withSteps(info.id(), severity, null, thumbprint, subject, message, steps, withPeer));
    }

    /** Reports a problem seen on a TLS peer at the rule's default severity. */
    public void addPeer(PeerAddress peer, @Nullable String thumbprint, @Nullable String subject, String message,
                        Map<String, String> evidence) {
        addPeer(info.severity(), peer, thumbprint, subject, message, evidence);
    }

    /**
     * Runs one check; a check that throws becomes a warning finding of this rule saying it could not be
     * evaluated, and the other checks and rules still run.
     */
    void guard(@Nullable StoredCertificate certificate, Runnable check) {
        guard(certificate == null ? "this host" : certificate.thumbprint(),
                certificate == null ? null : certificate.store(),
                certificate == null ? null : certificate.thumbprint(),
                certificate == null ? null : certificate.facts().subject(), Map.of(), check);
    }

    /** Runs one check of a TLS peer, as {@link #guard(StoredCertificate, Runnable)} does for a certificate. */
    void guardPeer(PeerAddress peer, Runnable check) {
        guard("peer " + peer, null, null, null, Map.of("peer", peer.toString()), check);
    }

    private void guard(String target, @Nullable StoreName store, @Nullable String thumbprint,
                       @Nullable String subject,
                       Map<String, String> evidence, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            failures++;
            Map<String, String> failure = new TreeMap<>(evidence);
            failure.put(RULE_FAILURE, e.getClass().getName());
            collected.add(new Finding(info.id(), Severity.WARNING, store, thumbprint, subject,
                    "Rule " + info.id() + " could not be evaluated for " + target + ": " + e,
                    "Report this to the certaudit maintainers with the audit JSON; the other rules still ran.",
                    failure));
        }
    }

    List<Finding> collected() {
        return collected;
    }

    int failures() {
        return failures;
    }
}
