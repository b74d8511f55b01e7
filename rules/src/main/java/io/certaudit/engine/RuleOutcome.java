package io.certaudit.engine;

import java.util.Locale;

/**
 * How one rule went, so that "did not apply" is never mistaken for "passed".
 *
 * @param rule     the rule id
 * @param result   the outcome
 * @param checked  how many targets the rule applied to
 * @param findings how many findings it reported
 */
public record RuleOutcome(String rule, Result result, int checked, int findings) {

    /** The outcome of one rule. */
    public enum Result {
        /** Applied to at least one target and found nothing. */
        PASSED,
        /** Reported at least one finding. */
        FAILED,
        /** Applied to nothing on this host. */
        NOT_APPLICABLE,
        /** Threw while checking; its finding says so. */
        ERROR,
        /** Turned off in the config. */
        DISABLED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
