package io.certaudit.catalog.peer;

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
 * A peer certificate whose notBefore is still ahead fails the handshake on this side as an expired one does; most
 * often one of the two clocks is wrong, or the peer bound a certificate issued with a future start.
 */
@RuleInfo(
        id = "peer-certificate-not-yet-valid",
        title = "A certificate the MTLS peer sent is not valid yet",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "RFC 5280 6.1.3 (a)(2): every certificate of the path must be within its validity period",
        basis = "Windows behaviour and RFC 5280: the peer certificate outside its validity period fails this "
                + "host's check of it",
        description = "Fails when the peer's certificate, or an intermediate or root it sent with it, has a "
                + "notBefore after the evaluation instant.",
        remediation = {
                "Check this server's clock (w32tm /query /status) and the peer's.",
                "If both are right, have the peer's administrators bind a certificate that is valid now."},
        evidence = {"notBefore"})
public final class PeerCertificateNotYetValid extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return !peer.chain().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        for (StoredCertificate certificate : SentChain.of(peer)) {
            if (context.at().isBefore(certificate.facts().notBefore())) {
                findings.addPeer(peer.address(), certificate.thumbprint(), certificate.facts().subject(),
                        certificate.label() + ", sent by " + SentChain.name(peer) + ", is not valid before "
                                + certificate.facts().notBefore() + ".",
                        Map.of("notBefore", certificate.facts().notBefore().toString()));
            }
        }
    }
}
