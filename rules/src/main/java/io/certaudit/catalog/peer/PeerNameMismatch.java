package io.certaudit.catalog.peer;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.CertificateFacts;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "The certificates prove the identity of each server to the other." A TLS client accepts the server's
 * certificate only for the name it connected to (RFC 6125 6.4; RFC 2818 3.1).
 */
@RuleInfo(
        id = "peer-name-mismatch",
        title = "MTLS peer's certificate does not name the host it was reached at",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "BEMS MTLS certificates: the certificates prove the identity of each server to the other; "
                + "RFC 6125 6.4 (server identity check)",
        basis = "RFC 6125: the peer must be named in its own certificate for this host to accept it",
        description = "Fails when the certificate the peer presented does not cover the host name (or IP address) "
                + "it was probed at: no SAN dNSName matches it (a wildcard standing for the whole left-most label "
                + "only), or, for a certificate without dNSName entries, its subject CN differs; an IP address must "
                + "be a SAN iPAddress entry.",
        remediation = "Configure the peer by the name its certificate carries (for Lync/Skype, the pool FQDN in "
                + "the certificate's SAN), or have the peer's certificate re-issued with that name in its SAN.",
        evidence = {"host", "subjectAlternativeNames", "subjectCommonName"})
public final class PeerNameMismatch extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return !peer.chain().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        StoredCertificate leaf = SentChain.of(peer).get(0);
        CertificateFacts facts = leaf.facts();
        if (PeerHostName.covers(facts, peer.address())) {
            return;
        }
        String cn = facts.subjectCommonName();
        findings.addPeer(peer.address(), leaf.thumbprint(), facts.subject(), "The certificate of "
                + SentChain.name(peer) + ", " + leaf.label() + ", does not name '" + peer.address().host()
                + "': its SAN holds " + (facts.subjectAlternativeNames().isEmpty() ? "nothing"
                : String.join(", ", facts.subjectAlternativeNames())) + ".",
                Map.of("host", peer.address().host(), "subjectCommonName", cn == null ? "" : cn,
                        "subjectAlternativeNames", String.join(", ", facts.subjectAlternativeNames())));
    }
}
