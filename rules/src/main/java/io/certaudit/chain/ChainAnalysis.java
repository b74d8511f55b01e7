package io.certaudit.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * Builds the path of every Personal certificate the way the Windows chain engine does with local stores only
 * (no AIA download, no root auto-update): issuers are looked up by name in CA, then ROOT, then MY, a key
 * identifier mismatch rules a candidate out, and a candidate counts only when its signature verifies. When several
 * candidates remain (key rollover, cross-signing) the one leading to the best path wins: a trusted root first,
 * then a candidate valid at the evaluation instant, then store order, then the latest expiry.
 *
 * <p>Runs once per snapshot and is shared by every rule. Issuers are indexed by name, each signature is verified
 * once, and paths of intermediates are memoised, so the cost grows with the number of certificates, not with its
 * square. Personal certificates are analysed in parallel.
 */
public final class ChainAnalysis {

    private static final List<StoreName> ISSUER_STORE_ORDER = List.of(StoreName.CA, StoreName.ROOT, StoreName.MY);

    private final Instant at;
    /** Distinct certificates by thumbprint, each with the copy chosen to represent it in a path. */
    private final Map<String, StoredCertificate> representative = new LinkedHashMap<>();
    private final Map<X500Principal, List<StoredCertificate>> bySubject = new HashMap<>();
    private final Set<String> rootThumbprints = new HashSet<>();
    private final SignatureVerifier signatures = new SignatureVerifier();
    private final Map<String, Boolean> signatureCache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> selfSignedCache = new ConcurrentHashMap<>();
    private final Map<String, CertificatePath> pathCache = new ConcurrentHashMap<>();
    private final Map<String, CertificatePath> personalPaths;

    private ChainAnalysis(HostSnapshot snapshot, Instant at) {
        this.at = at;
        for (StoreName store : ISSUER_STORE_ORDER) {
            for (StoredCertificate certificate : snapshot.store(store)) {
                if (store == StoreName.ROOT) {
                    rootThumbprints.add(certificate.thumbprint());
                }
                representative.merge(certificate.thumbprint(), certificate, ChainAnalysis::preferredCopy);
            }
        }
        for (StoredCertificate certificate : representative.values()) {
            bySubject.computeIfAbsent(certificate.subjectPrincipal(),
                    name -> new ArrayList<>()).add(certificate);
        }
        Map<String, CertificatePath> paths = new ConcurrentHashMap<>();
        snapshot.store(StoreName.MY).parallelStream()
                .forEach(certificate -> paths.put(certificate.thumbprint(), pathOf(certificate)));
        // The report and the Trusted Root rules ask every certificate whether it is self-signed; the roots no path
        // reached would otherwise have their signatures verified one by one, so verify them here on every core.
        snapshot.certificates().parallelStream()
                .filter(certificate -> certificate.facts().selfIssued())
                .forEach(this::isSelfSigned);
        Map<String, CertificatePath> ordered = new LinkedHashMap<>();
        for (StoredCertificate certificate : snapshot.store(StoreName.MY)) {
            ordered.put(certificate.thumbprint(), paths.get(certificate.thumbprint()));
        }
        this.personalPaths = ordered;
    }

    /** A copy of {@code base}'s issuer index with {@code extraIssuers} added; analyses nothing by itself. */
    private ChainAnalysis(ChainAnalysis base, List<StoredCertificate> extraIssuers) {
        this.at = base.at;
        representative.putAll(base.representative);
        base.bySubject.forEach((name, candidates) -> bySubject.put(name, new ArrayList<>(candidates)));
        rootThumbprints.addAll(base.rootThumbprints);
        for (StoredCertificate extra : extraIssuers) {
            if (representative.putIfAbsent(extra.thumbprint(), extra) == null) {
                bySubject.computeIfAbsent(extra.subjectPrincipal(), name -> new ArrayList<>())
                        .add(extra);
            }
        }
        this.personalPaths = Map.of();
    }

    /** Analyses every Personal certificate of {@code snapshot}, judging validity at {@code at}. */
    public static ChainAnalysis analyze(HostSnapshot snapshot, Instant at) {
        return new ChainAnalysis(snapshot, at);
    }

    /** The instant validity was judged at. */
    public Instant evaluatedAt() {
        return at;
    }

    /** The paths of the Personal certificates, by thumbprint, in store order. */
    public Map<String, CertificatePath> personalPaths() {
        return personalPaths;
    }

    /** The path of any certificate of the snapshot; the leaf element is {@code certificate} itself. */
    public CertificatePath pathOf(StoredCertificate certificate) {
        CertificatePath known = personalPaths == null ? null : personalPaths.get(certificate.thumbprint());
        if (known != null && known.leaf() == certificate) {
            return known;
        }
        return build(certificate, new HashSet<>()).path();
    }

    /**
     * The path of a certificate that is not in the host's stores (one a TLS peer presented), searching the host's
     * stores plus {@code extraIssuers} (the intermediates the peer sent, as Windows adds them to its search) with
     * the same rules as every other path.
     */
    public CertificatePath pathWith(StoredCertificate certificate, List<StoredCertificate> extraIssuers) {
        return new ChainAnalysis(this, extraIssuers).build(certificate, new HashSet<>()).path();
    }

    /** Which signature engines judged how many signatures so far, in the order they are asked. */
    public List<SignatureEngineUse> signatureEngines() {
        return signatures.uses();
    }

    /** Whether the certificate's thumbprint is in Trusted Root. */
    public boolean isInRootStore(StoredCertificate certificate) {
        return rootThumbprints.contains(certificate.thumbprint());
    }

    /** Whether subject equals issuer and the certificate's own key verifies its signature. */
    public boolean isSelfSigned(StoredCertificate certificate) {
        return selfSignedCache.computeIfAbsent(certificate.thumbprint(),
                t -> certificate.facts().selfIssued() && verifies(certificate, certificate));
    }

    /** Whether {@code issuer}'s public key verifies {@code child}'s signature; each pair is verified once. */
    public boolean verifies(StoredCertificate child, StoredCertificate issuer) {
        return signatureCache.computeIfAbsent(child.thumbprint() + '>' + issuer.thumbprint(),
                key -> signatures.verifies(child, issuer));
    }

    /**
     * A path and whether the loop guard shaped it: a path built while a cross-signed partner was excluded may
     * differ from the unconstrained one, so it is not memoised.
     */
    private record Built(CertificatePath path, boolean constrained) {
    }

    /** Builds the path from {@code certificate} up; {@code visiting} holds the thumbprints below it. */
    private Built build(StoredCertificate certificate, Set<String> visiting) {
        if (isSelfSigned(certificate)) {
            ChainStatus status = isInRootStore(certificate) ? ChainStatus.COMPLETE : ChainStatus.UNTRUSTED_ROOT;
            return new Built(new CertificatePath(List.of(certificate), status, null), false);
        }
        visiting.add(certificate.thumbprint());
        try {
            CertificatePath best = null;
            boolean constrained = false;
            for (StoredCertificate candidate : issuerCandidates(certificate)) {
                if (visiting.contains(candidate.thumbprint())) {
                    constrained = true;
                    continue;
                }
                if (!verifies(certificate, candidate)) {
                    continue;
                }
                Built above = issuerPath(candidate, visiting);
                constrained |= above.constrained();
                if (best == null || PREFERENCE.compare(new Scored(above.path(), at), new Scored(best, at)) < 0) {
                    best = above.path();
                }
            }
            if (best == null) {
                return new Built(new CertificatePath(List.of(certificate), ChainStatus.INCOMPLETE,
                        certificate.facts().issuer()), constrained);
            }
            List<StoredCertificate> elements = new ArrayList<>(best.elements().size() + 1);
            elements.add(certificate);
            elements.addAll(best.elements());
            return new Built(new CertificatePath(elements, best.status(), best.missingIssuer()), constrained);
        } finally {
            visiting.remove(certificate.thumbprint());
        }
    }

    /** The path from an issuer up, memoised unless the loop guard shaped it. */
    private Built issuerPath(StoredCertificate issuer, Set<String> visiting) {
        CertificatePath cached = pathCache.get(issuer.thumbprint());
        if (cached != null) {
            return new Built(cached, false);
        }
        Built built = build(issuer, visiting);
        if (!built.constrained()) {
            pathCache.putIfAbsent(issuer.thumbprint(), built.path());
        }
        return built;
    }

    /**
     * Of two copies of one certificate, the one a path should name: the Trusted Root copy of a root, else the
     * copy in the earlier store of the lookup order (CA, ROOT, MY).
     */
    private static StoredCertificate preferredCopy(StoredCertificate kept, StoredCertificate other) {
        return other.store() == StoreName.ROOT && other.facts().selfIssued() ? other : kept;
    }

    /** Certificates whose subject is the issuer's name and whose key identifier does not contradict the AKI. */
    private List<StoredCertificate> issuerCandidates(StoredCertificate certificate) {
        List<StoredCertificate> named = bySubject.get(certificate.issuerPrincipal());
        if (named == null) {
            return List.of();
        }
        String authorityKeyId = certificate.facts().authorityKeyIdentifier();
        List<StoredCertificate> candidates = new ArrayList<>(named.size());
        for (StoredCertificate candidate : named) {
            String subjectKeyId = candidate.facts().subjectKeyIdentifier();
            if (authorityKeyId == null || subjectKeyId == null || authorityKeyId.equals(subjectKeyId)) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    private record Scored(CertificatePath path, Instant at) {
        int statusRank() {
            return path.status().ordinal();
        }

        int validRank() {
            StoredCertificate issuer = path.leaf();
            return at.isBefore(issuer.facts().notBefore()) || at.isAfter(issuer.facts().notAfter()) ? 1 : 0;
        }

        int storeRank() {
            return ISSUER_STORE_ORDER.indexOf(path.leaf().store());
        }
    }

    private static final Comparator<Scored> PREFERENCE = Comparator.comparingInt(Scored::statusRank)
            .thenComparingInt(Scored::validRank)
            .thenComparingInt(Scored::storeRank)
            .thenComparing(s -> s.path().leaf().facts().notAfter(), Comparator.reverseOrder());
}
