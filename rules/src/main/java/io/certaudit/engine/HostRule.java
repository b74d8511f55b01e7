package io.certaudit.engine;

/** A rule judged once for the whole host (a store, the set of service certificates, the source's problems). */
public abstract class HostRule implements Rule {

    /** Whether the rule applies to this host at all. */
    protected boolean appliesTo(AuditContext context) {
        return true;
    }

    protected abstract void check(AuditContext context, Findings findings);

    @Override
    public final int evaluate(AuditContext context, Findings findings) {
        if (!appliesTo(context)) {
            return 0;
        }
        findings.guard(null, () -> check(context, findings));
        return 1;
    }
}
