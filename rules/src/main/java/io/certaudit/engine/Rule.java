package io.certaudit.engine;

/**
 * A check. A rule only judges: it reads the snapshot and the chain analysis through the context and reports
 * findings. It never reads files, calls Windows, or formats output. Most rules extend {@link CertificateRule} or
 * {@link HostRule}, which keep "does not apply" apart from "passed".
 */
public interface Rule {

    /**
     * Evaluates the rule.
     *
     * @return how many targets (certificates, stores, the host) the rule applied to; 0 means not applicable
     */
    int evaluate(AuditContext context, Findings findings);

    /** The metadata declared on the rule's class. */
    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
        }
        return info;
    }
}
