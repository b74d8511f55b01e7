package io.certaudit.catalog.peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainDefect;
import io.certaudit.chain.ChainProblem;
import io.certaudit.chain.ChainStatus;
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
 * BEMS: "The BEMS computer's private certificate and the Microsoft Lync Server or Skype for Business internal
 * computer certificate must both be trusted by root certificates in BEMS's ... Trusted Root Certification
 * Authorities\Certificates folder."
 */
@RuleInfo(
        id = "peer-untrusted",
        title = "MTLS peer's certificate does not chain to a trusted root on this host",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "BEMS MTLS certificates: the Lync/Skype certificate must be trusted by a root in this host's "
                + "Trusted Root (B2), signed by a mutually trusted CA (B6)",
        requirements = {Requirement.B2, Requirement.B6},
        description = "Builds the path of the certificate the peer presented the way this host would: from the "
                + "intermediates the peer sent with it and the host's own MY, CA and ROOT stores, with no "
                + "download. Fails when the path stops at an issuer found nowhere, or ends at a root that is not in "
                + "Trusted Root. The finding names the missing intermediate or root and says whether the peer sent "
                + "it. Judges only a peer that proved it holds the certificate's key in the handshake (it signed "
                + "with it); otherwise the rule does not apply and peer-unreachable says why.",
        remediation = {
                "Import the certificate named in the finding on this host: the peer's root CA certificate into "
                        + "Certificates (Local Computer) > Trusted Root Certification Authorities, an intermediate "
                        + "into Intermediate Certification Authorities.",
                "Get it from the peer's administrators or its CA, and compare its thumbprint with theirs before "
                        + "trusting it."},
        evidence = {"distrusted", "missingIssuer", "path", "sentByPeer", "untrustedRoot"})
public final class PeerUntrusted extends PeerRule {

    /**
     * Only a chain the peer proved is its own: a chain replayed by a party without the key proves nothing about the
     * peer, and passing it would report a trust that was never shown.
     */
    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return peer.keyProven();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        List<StoredCertificate> sent = SentChain.of(peer);
        StoredCertificate leaf = sent.get(0);
        CertificatePath path = context.chains().pathWith(leaf, sent.subList(1, sent.size()));
        if (path.status() == ChainStatus.COMPLETE) {
            List<ChainProblem> distrusted = path.problems(ChainDefect.DISTRUSTED);
            if (!distrusted.isEmpty()) {
                findings.addPeer(peer.address(), leaf.thumbprint(), leaf.facts().subject(), "The certificate of "
                        + SentChain.name(peer) + ", " + leaf.label() + ", chains to a trusted root, but "
                        + distrusted.get(0).detail()
                        + ": Windows distrusts the chain (CERT_TRUST_IS_EXPLICIT_DISTRUST).",
                        Map.of("path", describe(path, sent), "distrusted", distrusted.get(0).element().thumbprint()));
            }
            return;
        }
        Set<String> local = context.snapshot().certificates().stream().map(StoredCertificate::thumbprint)
                .collect(Collectors.toSet());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("path", describe(path, sent));
        StoredCertificate top = path.top();
        String message;
        if (path.status() == ChainStatus.UNTRUSTED_ROOT) {
            boolean sentIt = sent.stream().anyMatch(c -> c.thumbprint().equals(top.thumbprint()));
            String where = local.contains(top.thumbprint()) ? "this host has it, but not in Trusted Root"
                    : sentIt ? "the peer sent it, but it is not in this host's Trusted Root"
                    : "it is not in this host's Trusted Root";
            message = top == leaf
                    ? "The certificate of " + SentChain.name(peer) + ", " + leaf.label() + ", is self-signed and "
                    + where + "."
                    : "The certificate of " + SentChain.name(peer) + ", " + leaf.label() + ", chains to the root "
                    + top.label() + "; " + where + ".";
            evidence.put("untrustedRoot", top.thumbprint());
            evidence.put("sentByPeer", sentIt ? "yes" : "no");
        } else {
            String missing = path.missingIssuer();
            boolean sentNamed = sent.stream().anyMatch(c -> c.subjectCanonicalName()
                    .equals(top.issuerCanonicalName()));
            message = "The chain of " + SentChain.name(peer) + "'s certificate " + leaf.label() + " stops at "
                    + top.label() + ": its issuer '" + missing + "' is in none of this host's CA, ROOT and MY "
                    + "stores, and " + (sentNamed ? "the certificate of that name the peer sent does not verify "
                    + "its signature." : "the peer did not send it.");
            evidence.put("missingIssuer", missing);
            evidence.put("sentByPeer", sentNamed ? "yes, but it does not verify" : "no");
        }
        findings.addPeer(peer.address(), leaf.thumbprint(), leaf.facts().subject(), message, evidence);
    }

    /** {@code THUMBPRINT [sent by peer] > THUMBPRINT [CA] > ...}: where each element came from. */
    private static String describe(CertificatePath path, List<StoredCertificate> sent) {
        return path.elements().stream()
                .map(e -> e.thumbprint() + " [" + (sent.stream().anyMatch(s -> s == e) ? "sent by peer"
                        : e.store().name()) + "]")
                .collect(Collectors.joining(" > "));
    }
}
