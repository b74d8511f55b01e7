package io.certaudit.agent.revocation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainAnalysis;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.AuditSettings;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * Which certificates have their revocation checked: each certificate of each service certificate's path, as the
 * chain analysis builds it, and of each chain a peer proved it holds, as the host would build it with what the
 * peer sent; the self-signed root at the top excluded, as CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT (the
 * flag Schannel and most callers of CertGetCertificateChain pass) excludes it. A certificate on several paths is
 * checked once. A peer's chain that is not proven (the handshake ended before the peer signed it) could be anyone's
 * replay and is not fetched for.
 */
public final class RevocationTargets {

    private RevocationTargets() {
    }

    public static List<CertificateToCheck> of(HostSnapshot snapshot, AuditSettings settings, Instant at) {
        ChainAnalysis chains = ChainAnalysis.analyze(snapshot, at);
        AuditContext context = new AuditContext(snapshot, chains, settings, at);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (StoredCertificate service : context.serviceCertificates()) {
            add(targets, chains, chains.pathOf(service), service.thumbprint(), null);
        }
        for (PeerObservation peer : snapshot.peers()) {
            if (!peer.keyProven()) {
                continue;
            }
            List<StoredCertificate> sent = sent(peer);
            CertificatePath path = chains.pathWith(sent.get(0), sent.subList(1, sent.size()));
            add(targets, chains, path, sent.get(0).thumbprint(), peer);
        }
        List<CertificateToCheck> result = new ArrayList<>();
        targets.values().forEach(target -> result.add(new CertificateToCheck(target.certificate, target.thumbprint,
                target.issuer, target.store, target.peer == null ? null : target.peer.address(), target.chainsOf)));
        return result;
    }

    private static void add(Map<String, Target> targets, ChainAnalysis chains, CertificatePath path, String leaf,
                            PeerObservation peer) {
        List<StoredCertificate> elements = path.elements();
        for (int i = 0; i < elements.size(); i++) {
            StoredCertificate element = elements.get(i);
            boolean top = i == elements.size() - 1;
            if (top && chains.isSelfSigned(element)) {
                continue;
            }
            String key = (peer == null ? "" : peer.address() + "/") + element.thumbprint();
            Target target = targets.get(key);
            if (target == null) {
                target = new Target(element.certificate(), element.thumbprint(),
                        top ? null : elements.get(i + 1).certificate(), peer == null ? element.store() : null, peer);
                targets.put(key, target);
            }
            if (!target.chainsOf.contains(leaf)) {
                target.chainsOf.add(leaf);
            }
        }
    }

    private static List<StoredCertificate> sent(PeerObservation peer) {
        List<StoredCertificate> sent = new ArrayList<>();
        List<X509Certificate> chain = peer.chain();
        for (int i = 0; i < chain.size(); i++) {
            try {
                sent.add(StoredCertificate.parse(StoreName.CA, chain.get(i).getEncoded(),
                        "sent by peer " + peer.address() + " (certificate " + (i + 1) + " of " + chain.size() + ")"));
            } catch (CertificateEncodingException | UnreadableCertificateException e) {
                throw new IllegalStateException("a certificate decoded in the handshake did not decode again", e);
            }
        }
        return sent;
    }

    private static final class Target {
        final X509Certificate certificate;
        final String thumbprint;
        final X509Certificate issuer;
        final StoreName store;
        final PeerObservation peer;
        final List<String> chainsOf = new ArrayList<>();

        Target(X509Certificate certificate, String thumbprint, X509Certificate issuer, StoreName store,
               PeerObservation peer) {
            this.certificate = certificate;
            this.thumbprint = thumbprint;
            this.issuer = issuer;
            this.store = store;
            this.peer = peer;
        }
    }
}
