package io.certaudit.catalog.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoredCertificate;

/*
 * Early warning: the peer's renewal is someone else's change, and it takes time to arrange.
 */
@RuleInfo(
        id = "peer-certificate-expiring",
        title = "A certificate the MTLS peer sent expires soon",
        severity = Severity.WARNING,
        area = Area.PEER,
        citation = "certaudit: expiry horizon (expiryWarningDays, default 30)",
        basis = "Operations: a warning ahead of the peer certificate's expiry",
        description = "Warns when the peer's certificate, or an intermediate or root it sent with it, is still "
                + "valid but expires within the configured number of days (default 30) of the evaluation instant.",
        remediation = "Tell the peer's administrators the date in the finding so they renew the certificate and, "
                + "if the new one comes from another CA, so this host can import that CA's certificates first.",
        evidence = {"daysLeft", "expiryWarningDays", "notAfter"})
public final class PeerCertificateExpiring extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return !peer.chain().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        Instant at = context.at();
        int days = context.settings().expiryWarningDays();
        for (StoredCertificate certificate : SentChain.of(peer)) {
            Instant notAfter = certificate.facts().notAfter();
            if (at.isAfter(notAfter) || at.isBefore(certificate.facts().notBefore())) {
                continue;
            }
            Duration left = Duration.between(at, notAfter);
            if (left.compareTo(Duration.ofDays(days)) < 0) {
                findings.addPeer(peer.address(), certificate.thumbprint(), certificate.facts().subject(),
                        certificate.label() + ", sent by " + SentChain.name(peer) + ", expires on " + notAfter
                                + ", in " + left.toDays() + " day(s).",
                        Map.of("notAfter", notAfter.toString(), "daysLeft", Long.toString(left.toDays()),
                                "expiryWarningDays", Integer.toString(days)));
            }
        }
    }
}
