package io.certaudit.catalog.peer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;

/*
 * BEMS: "On an MTLS connection, the server originating a message and the server receiving it exchange
 * certificates from a mutually trusted CA." Mutual trust can only be checked against a peer the host reaches.
 */
@RuleInfo(
        id = "peer-unreachable",
        title = "MTLS peer could not be probed",
        severity = Severity.WARNING,
        area = Area.PEER,
        citation = "BEMS MTLS certificates: the two servers exchange certificates on an MTLS connection (B2, B6)",
        requirements = {Requirement.B2, Requirement.B6},
        description = "Warns when the TLS handshake with a configured peer did not finish: its name does not "
                + "resolve, the connection is refused or times out, the handshake ends with a TLS alert, or the "
                + "peer closes the connection. The reason is in the finding. Whatever the handshake showed before "
                + "it failed (the peer's certificate, say) is still judged by the other peer rules.",
        remediation = "Check the peer address and port (Lync/Skype front end pools usually listen for MTLS on "
                + "5061), that the name resolves from this host (Resolve-DnsName), that a firewall lets the host "
                + "reach it (Test-NetConnection -Port), and for a TLS alert, that both sides share a TLS version.",
        evidence = {"failure", "resolvedAddress"})
public final class PeerUnreachable extends PeerRule {

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        if (peer.reached()) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("failure", peer.failure().label());
        if (peer.resolvedAddress() != null) {
            evidence.put("resolvedAddress", peer.resolvedAddress());
        }
        findings.addPeer(peer.address(), null, null,
                "The TLS handshake with " + SentChain.name(peer) + " did not finish: " + peer.failureMessage() + ".",
                evidence);
    }
}
