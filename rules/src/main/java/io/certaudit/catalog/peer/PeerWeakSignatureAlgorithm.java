package io.certaudit.catalog.peer;

import java.util.List;
import java.util.Map;

import io.certaudit.catalog.usage.WeakSignatureAlgorithm;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoredCertificate;

/*
 * Field reports: an MD5 signature anywhere in the chain stops the Skype for Business front end (Schannel events
 * 36888/36874); SHA-1 is weak and distrusted by current clients. The same holds for the chain this host receives.
 */
@RuleInfo(
        id = "peer-weak-signature-algorithm",
        title = "Weak signature algorithm on a certificate the MTLS peer sent",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "Field reports: MD5 in the chain stops the Skype for Business front end (Schannel 36888/36874)",
        basis = "Field reports: MD5 in a chain stops Skype for Business front ends; SHA-1 is weak",
        description = "Checks the signature of every certificate the peer sent except a root's signature on itself "
                + "(which nobody verifies): an error for MD2, MD4 or MD5, a warning for SHA-1. The same judgement "
                + "as weak-signature-algorithm, applied to the peer's chain.",
        remediation = "Have the peer's certificate (or its CA's intermediate) re-issued with a SHA-256 or stronger "
                + "signature.",
        evidence = {"oid", "signatureAlgorithm"})
public final class PeerWeakSignatureAlgorithm extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return !peer.chain().isEmpty();
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        List<StoredCertificate> sent = SentChain.of(peer);
        for (int i = 0; i < sent.size(); i++) {
            StoredCertificate certificate = sent.get(i);
            if (i > 0 && certificate.facts().selfIssued()) {
                continue;
            }
            String oid = certificate.facts().signatureAlgorithmOid();
            Severity severity = WeakSignatureAlgorithm.weakness(oid);
            if (severity != null) {
                findings.addPeer(severity, peer.address(), certificate.thumbprint(), certificate.facts().subject(),
                        certificate.label() + ", sent by " + SentChain.name(peer) + ", is signed with "
                                + certificate.facts().signatureAlgorithm() + ".",
                        Map.of("signatureAlgorithm", certificate.facts().signatureAlgorithm(), "oid", oid));
            }
        }
    }
}
