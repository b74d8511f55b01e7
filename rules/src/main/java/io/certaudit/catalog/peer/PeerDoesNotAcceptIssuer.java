package io.certaudit.catalog.peer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import io.certaudit.chain.CertificatePath;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "The certificate must be signed by a CA that is mutually trusted by both the Microsoft Lync Server or
 * Skype for Business and BEMS." The peer names the CAs it trusts for client certificates in its
 * CertificateRequest (RFC 5246 7.4.4 certificate_authorities; RFC 8446 4.2.4).
 */
@RuleInfo(
        id = "peer-does-not-accept-issuer",
        title = "MTLS peer does not list any CA of the service certificate",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "BEMS MTLS certificates: signed by a CA that is mutually trusted (B6); RFC 5246 7.4.4 and "
                + "RFC 8446 4.2.4 (certificate_authorities)",
        requirements = {Requirement.B6},
        description = "Compares each service certificate's issuers (its issuer name and every CA on its path) with "
                + "the certificate authorities the peer names in its CertificateRequest. Fails when none of them is "
                + "in the peer's list: the peer will not accept the certificate, and a client that honours the list "
                + "will not even offer it. Applies only when the peer asked for a client certificate and named at "
                + "least one authority (an empty list accepts any), and proved in the handshake that it holds its "
                + "certificate's key (otherwise the list may be a replay; peer-unreachable says why).",
        remediation = {
                "When the finding says this host's own chain is incomplete, first import the missing CA "
                        + "certificate it names into this host's Intermediate Certification Authorities (or "
                        + "Trusted Root, for a root): the peer may accept a CA above the gap.",
                "Otherwise have the peer's administrators import the root CA certificate of the service "
                        + "certificate (named in the finding) into the peer's Trusted Root Certification "
                        + "Authorities, or re-issue the service certificate from a CA the peer already trusts.",
                "On a Windows peer, also check that its Trusted Root list is not over the 16 KB the "
                        + "CertificateRequest can carry (KB 2464556)."},
        evidence = {
                "ourChainComplete", "ourIssuers", "ourIssuingCa", "ourMissingIssuer", "ourRoot",
                "peerAcceptableIssuers"})
public final class PeerDoesNotAcceptIssuer extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        // A CertificateRequest from a party that never proved the peer's key may be a replay: not the peer's list.
        return peer.keyProven() && peer.acceptableIssuers() != null && !peer.acceptableIssuers().isEmpty()
                && !context.serviceCertificates().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        Set<X500Principal> accepted = Set.copyOf(peer.acceptableIssuers());
        for (StoredCertificate service : context.serviceCertificates()) {
            CertificatePath path = context.chains().pathOf(service);
            Set<X500Principal> ours = issuers(path);
            if (ours.stream().anyMatch(accepted::contains)) {
                continue;
            }
            String issuingCa = service.certificate().getIssuerX500Principal().getName();
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("ourIssuers", ours.stream().map(X500Principal::getName).collect(Collectors.joining("; ")));
            evidence.put("ourIssuingCa", issuingCa);
            evidence.put("ourChainComplete", Boolean.toString(path.reachesRoot()));
            String lists = " is among the " + accepted.size() + " certificate authorities the peer lists in its "
                    + "CertificateRequest.";
            String message;
            if (path.reachesRoot()) {
                String root = path.top().facts().subject();
                evidence.put("ourRoot", root);
                message = "Peer " + peer.address() + " does not accept " + service.label() + ": neither its issuing "
                        + "CA '" + issuingCa + "'" + (root.equals(issuingCa) ? ", which is its root," : " nor any CA "
                        + "above it up to its root '" + root + "'") + lists;
            } else {
                // The CA the peer would need to list may sit above the gap: the cause is on this side first.
                evidence.put("ourMissingIssuer", path.missingIssuer());
                message = "Peer " + peer.address() + " does not accept " + service.label() + " as far as this host "
                        + "can tell: none of its issuers up to '" + path.missingIssuer() + "'" + lists + " This "
                        + "host's own chain is incomplete: '" + path.missingIssuer() + "', the issuer of "
                        + path.top().label() + ", is in none of its stores, so its root is unknown and the peer may "
                        + "well accept it. Complete this host's chain first.";
            }
            evidence.put("peerAcceptableIssuers", String.join("; ", peer.acceptableIssuerNames()));
            findings.addPeer(peer.address(), service.thumbprint(), service.facts().subject(), message, evidence);
        }
    }

    /** The issuer name of every element of the path: the CAs above the leaf, and the missing one if any. */
    private static Set<X500Principal> issuers(CertificatePath path) {
        Set<X500Principal> issuers = new LinkedHashSet<>();
        path.elements().forEach(element -> issuers.add(element.issuerPrincipal()));
        return issuers;
    }
}
