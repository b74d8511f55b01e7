package io.certaudit.catalog.peer;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

/*
 * BEMS: Connect and LPP connections "rely on mutual TLS (MTLS) for mutual authentication". A server asks for the
 * client's certificate with a CertificateRequest (RFC 5246 7.4.4, RFC 8446 4.3.2); without one, only the server
 * is authenticated.
 */
@RuleInfo(
        id = "peer-not-requesting-client-certificate",
        title = "MTLS peer does not insist on a client certificate",
        severity = Severity.INFO,
        area = Area.PEER,
        citation = "BEMS MTLS certificates: connections rely on mutual TLS for mutual authentication; RFC 5246 "
                + "7.4.4 and RFC 8446 4.3.2 (CertificateRequest)",
        basis = "RFC 5246 and RFC 8446: mutual TLS needs the peer to ask for this host's certificate",
        description = "Notes a peer that completed the handshake without asking for a client certificate (so its "
                + "list of acceptable certificate authorities cannot be checked either), or that asked for one but "
                + "went on without it: mutual TLS is not enforced on that port, which may not be the peer's MTLS "
                + "listener.",
        remediation = "Check that the configured port is the peer's MTLS listener (for Lync/Skype, the pool's "
                + "SIP/TLS port, usually 5061) and, where the peer is yours to configure, that it requires client "
                + "certificates on it.",
        evidence = {"clientCertificateRequested", "clientCertificateRequired"})
public final class PeerNotRequestingClientCertificate extends PeerRule {

    /** Only a finished handshake with a peer that proved its key tells whether the peer's CertificateRequest came. */
    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return peer.reached() && peer.keyProven();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        if (!peer.clientCertificateRequested()) {
            findings.addPeer(peer.address(), null, null, "Peer " + peer.address() + " completed the TLS handshake "
                    + "without asking for a client certificate: mutual TLS is not enforced on port "
                    + peer.address().port() + ".", Map.of("clientCertificateRequested", "no"));
        } else if (peer.clientCertificateRequired() == Tristate.NO) {
            findings.addPeer(peer.address(), null, null, "Peer " + peer.address() + " asks for a client certificate "
                    + "but completed the handshake without one: mutual TLS is offered, not enforced, on port "
                    + peer.address().port() + ".",
                    Map.of("clientCertificateRequested", "yes", "clientCertificateRequired", "no"));
        }
    }
}
