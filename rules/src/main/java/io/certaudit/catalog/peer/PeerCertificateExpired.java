package io.certaudit.catalog.peer;

import java.util.List;
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
 * An expired certificate anywhere on the peer's path fails the handshake on this side, whatever the stores hold.
 */
@RuleInfo(
        id = "peer-certificate-expired",
        title = "A certificate the MTLS peer sent has expired",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "RFC 5280 6.1.3 (a)(2): every certificate of the path must be within its validity period",
        basis = "Windows behaviour and RFC 5280: the peer certificate outside its validity period fails this "
                + "host's check of it",
        description = "Fails when the peer's certificate, or an intermediate or root it sent with it, is past its "
                + "notAfter at the evaluation instant.",
        remediation = "Have the peer's administrators renew the certificate named in the finding (for a CA "
                + "certificate, install the CA's renewed certificate on the peer) and bind the new one.",
        evidence = {"notAfter"})
public final class PeerCertificateExpired extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return !peer.chain().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        List<StoredCertificate> sent = SentChain.of(peer);
        for (StoredCertificate certificate : sent) {
            if (context.at().isAfter(certificate.facts().notAfter())) {
                findings.addPeer(peer.address(), certificate.thumbprint(), certificate.facts().subject(),
                        certificate.label() + ", sent by " + SentChain.name(peer) + ", expired on "
                                + certificate.facts().notAfter() + ".",
                        Map.of("notAfter", certificate.facts().notAfter().toString()));
            }
        }
    }
}
