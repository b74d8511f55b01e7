package io.certaudit.engine;

import io.certaudit.model.StoredCertificate;

/** A rule judged certificate by certificate over a {@link Scope}. */
public abstract class CertificateRule implements Rule {

    /** The certificates this rule is offered. */
    protected abstract Scope scope();

    /** Whether the rule applies to {@code certificate}; one it does not apply to is neither passed nor failed. */
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return true;
    }

    /** Judges one certificate the rule applies to. */
    protected abstract void check(StoredCertificate certificate, AuditContext context, Findings findings);

    @Override
    public final int evaluate(AuditContext context, Findings findings) {
        int applied = 0;
        for (StoredCertificate certificate : context.targets(scope())) {
            if (appliesTo(certificate, context)) {
                applied++;
                findings.guard(certificate, () -> check(certificate, context, findings));
            }
        }
        return applied;
    }
}
