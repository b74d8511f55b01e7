package io.certaudit.engine;

import io.certaudit.model.PeerObservation;

/**
 * A rule judged peer by peer over the TLS peers probed for the host. With no peer probed it applies to nothing,
 * which the report shows as not applicable rather than passed.
 */
public abstract class PeerRule implements Rule {

    /** Whether the rule applies to {@code peer}, e.g. only when the handshake got as far as its certificate. */
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return true;
    }

    /** Judges one peer the rule applies to. */
    protected abstract void check(PeerObservation peer, AuditContext context, Findings findings);

    @Override
    public final int evaluate(AuditContext context, Findings findings) {
        int applied = 0;
        for (PeerObservation peer : context.snapshot().peers()) {
            if (appliesTo(peer, context)) {
                applied++;
                findings.guardPeer(peer.address(), () -> check(peer, context, findings));
            }
        }
        return applied;
    }
}
