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

    /**
     * Candidate issuers examined per certificate. The chain engine documents no limit; without one, a store holding
     * many same-named CAs makes every certificate below them cost a signature check per CA (40 leaves under 20
     * same-named CAs took 84 s). Real rollovers leave two or three; the best-looking candidates are kept.
     */
    static final int MAX_ISSUER_CANDIDATES = 8;
    /** Candidates one path search examines in all, so that cross-signed meshes cannot make it exponential. */
    static final int MAX_CANDIDATES_EXAMINED = 1_000;
    /** Longest path searched; real chains have three to five certificates. */
    static final int MAX_PATH_LENGTH = 16;
    /** Rejected alternatives kept as evidence per path. */
    static final int MAX_REJECTED_SHOWN = 6;

    private final Instant at;
    /** Distinct certificates by thumbprint, each with the copy chosen to represent it in a path. */
    private final Map<String, StoredCertificate> representative = new LinkedHashMap<>();
    private final Map<String, List<StoredCertificate>> bySubject = new HashMap<>();
    private final Set<String> rootThumbprints = new HashSet<>();
    private final Set<String> distrustedThumbprints = new HashSet<>();
    private final PathJudge judge;
    private final SignatureVerifier signatures = new SignatureVerifier();
    private final Map<SignedBy, Boolean> signatureCache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> selfSignedCache = new ConcurrentHashMap<>();
    private final Map<String, CertificatePath> pathCache = new ConcurrentHashMap<>();
    private final Map<String, CertificatePath> personalPaths;

    private ChainAnalysis(HostSnapshot snapshot, Instant at) {
        this.at = at;
        for (StoredCertificate certificate : snapshot.store(StoreName.DISALLOWED)) {
            distrustedThumbprints.add(certificate.thumbprint());
        }
        this.judge = new PathJudge(at, distrustedThumbprints);
        for (StoreName store : ISSUER_STORE_ORDER) {
            for (StoredCertificate certificate : snapshot.store(store)) {
                if (store == StoreName.ROOT) {
                    rootThumbprints.add(certificate.thumbprint());
                }
                representative.merge(certificate.thumbprint(), certificate, ChainAnalysis::preferredCopy);
            }
        }
        for (StoredCertificate certificate : representative.values()) {
            bySubject.computeIfAbsent(certificate.subjectCanonicalName(),
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
        distrustedThumbprints.addAll(base.distrustedThumbprints);
        this.judge = base.judge;
        for (StoredCertificate extra : extraIssuers) {
            if (representative.putIfAbsent(extra.thumbprint(), extra) == null) {
                bySubject.computeIfAbsent(extra.subjectCanonicalName(), name -> new ArrayList<>())
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
        return build(certificate, new HashSet<>(), new Budget()).path();
    }

    /**
     * The path of a certificate that is not in the host's stores (one a TLS peer presented), searching the host's
     * stores plus {@code extraIssuers} (the intermediates the peer sent, as Windows adds them to its search) with
     * the same rules as every other path.
     */
    public CertificatePath pathWith(StoredCertificate certificate, List<StoredCertificate> extraIssuers) {
        return new ChainAnalysis(this, extraIssuers).build(certificate, new HashSet<>(), new Budget()).path();
    }

    /** Whether the certificate's thumbprint is in Untrusted Certificates (Disallowed). */
    public boolean isDistrusted(StoredCertificate certificate) {
        return distrustedThumbprints.contains(certificate.thumbprint());
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
        return signatureCache.computeIfAbsent(new SignedBy(child.thumbprint(), issuer.thumbprint()),
                key -> signatures.verifies(child, issuer));
    }

    /**
     * A certificate and a candidate issuer, by thumbprint: the key of a signature verified once. Equality is written
     * out, with the value a record's generated {@code hashCode} gives, because the generated methods are linked on
     * first use through method handles that no class-data archive keeps: about 10 ms of an audit's start-up.
     */
    private record SignedBy(String child, String issuer) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SignedBy that && child.equals(that.child) && issuer.equals(that.issuer);
        }

        @Override
        public int hashCode() {
            return 31 * child.hashCode() + issuer.hashCode();
        }
    }

    /**
     * A path and whether the loop guard or the search budget shaped it: a path built while a cross-signed partner
     * was excluded may differ from the unconstrained one, so it is not memoised.
     */
    private record Built(CertificatePath path, boolean constrained) {
    }

    /** The work one path search may do; a host crafted to make the search exponential runs out of it, not of time. */
    private static final class Budget {
        private int left = MAX_CANDIDATES_EXAMINED;

        boolean spend() {
            return left-- > 0;
        }
    }

    /** Builds the path from {@code certificate} up; {@code visiting} holds the thumbprints below it. */
    private Built build(StoredCertificate certificate, Set<String> visiting, Budget budget) {
        if (isSelfSigned(certificate)) {
            ChainStatus status = isInRootStore(certificate) ? ChainStatus.COMPLETE : ChainStatus.UNTRUSTED_ROOT;
            List<StoredCertificate> alone = List.of(certificate);
            return new Built(new CertificatePath(alone, status, null, judge.judge(alone), List.of()), false);
        }
        if (visiting.size() >= MAX_PATH_LENGTH) {
            List<StoredCertificate> alone = List.of(certificate);
            return new Built(new CertificatePath(alone, ChainStatus.INCOMPLETE, certificate.facts().issuer(),
                    judge.judge(alone), List.of(new RejectedPath(certificate.thumbprint(),
                            List.of("the path would be longer than " + MAX_PATH_LENGTH + " certificates")))), true);
        }
        visiting.add(certificate.thumbprint());
        try {
            Candidates candidates = issuerCandidates(certificate);
            List<RejectedPath> rejected = new ArrayList<>();
            List<Scored> ranked = new ArrayList<>();
            List<String> wrongKey = new ArrayList<>();
            boolean constrained = false;
            for (StoredCertificate candidate : candidates.considered()) {
                if (visiting.contains(candidate.thumbprint())) {
                    constrained = true;
                    continue;
                }
                if (!budget.spend()) {
                    constrained = true;
                    rejected.add(new RejectedPath(placed(candidate), List.of("not examined: the path search "
                            + "reached its limit of " + MAX_CANDIDATES_EXAMINED + " candidates")));
                    break;
                }
                if (!verifies(certificate, candidate)) {
                    String unusable = signatures.unusableKey(candidate);
                    if (unusable != null) {
                        rejected.add(new RejectedPath(placed(candidate),
                                List.of("its key cannot verify signatures: " + unusable)));
                    } else {
                        wrongKey.add(placed(candidate));
                    }
                    continue;
                }
                Built above = issuerPath(candidate, visiting, budget);
                constrained |= above.constrained();
                List<StoredCertificate> elements = new ArrayList<>(above.path().elements().size() + 1);
                elements.add(certificate);
                elements.addAll(above.path().elements());
                ranked.add(new Scored(elements, above.path(), judge.judge(elements)));
            }
            if (!wrongKey.isEmpty()) {
                String which = wrongKey.size() <= 3 ? String.join(", ", wrongKey)
                        : String.join(", ", wrongKey.subList(0, 3)) + " and " + (wrongKey.size() - 3) + " more";
                rejected.add(new RejectedPath(which, List.of((wrongKey.size() == 1 ? "its key does" : "their keys do")
                        + " not verify the signature (CERT_TRUST_IS_NOT_SIGNATURE_VALID)")));
            }
            if (candidates.skipped() > 0) {
                rejected.add(0, new RejectedPath(candidates.skipped() + " more certificate"
                        + (candidates.skipped() == 1 ? "" : "s") + " named '" + certificate.facts().issuer() + "'",
                        List.of("not examined: at most " + MAX_ISSUER_CANDIDATES + " candidate issuers per name")));
            }
            if (ranked.isEmpty()) {
                List<StoredCertificate> alone = List.of(certificate);
                return new Built(new CertificatePath(alone, ChainStatus.INCOMPLETE, certificate.facts().issuer(),
                        judge.judge(alone), bounded(rejected, List.of())), constrained);
            }
            ranked.sort(PREFERENCE);
            Scored best = ranked.get(0);
            List<RejectedPath> alternatives = new ArrayList<>();
            for (Scored other : ranked.subList(1, ranked.size())) {
                alternatives.add(new RejectedPath(CertificatePath.describe(other.elements()),
                        other.reasonsAgainst(best)));
            }
            alternatives.addAll(rejected);
            return new Built(new CertificatePath(best.elements(), best.above().status(),
                    best.above().missingIssuer(), best.problems(), bounded(alternatives, best.above().rejected())),
                    constrained);
        } finally {
            visiting.remove(certificate.thumbprint());
        }
    }

    /** This level's alternatives first, then those found above, at most {@link #MAX_REJECTED_SHOWN} in all. */
    private static List<RejectedPath> bounded(List<RejectedPath> here, List<RejectedPath> above) {
        List<RejectedPath> all = new ArrayList<>(here);
        all.addAll(above);
        return all.size() <= MAX_REJECTED_SHOWN ? all : all.subList(0, MAX_REJECTED_SHOWN);
    }

    private static String placed(StoredCertificate certificate) {
        return certificate.thumbprint() + " [" + certificate.store() + "]";
    }

    /** The path from an issuer up, memoised unless the loop guard shaped it. */
    private Built issuerPath(StoredCertificate issuer, Set<String> visiting, Budget budget) {
        CertificatePath cached = pathCache.get(issuer.thumbprint());
        if (cached != null) {
            return new Built(cached, false);
        }
        Built built = build(issuer, visiting, budget);
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

    /** The candidate issuers examined, best first, and how many more the cap left out. */
    private record Candidates(List<StoredCertificate> considered, int skipped) {
    }

    /**
     * Certificates whose subject is the issuer's name and whose key identifier does not contradict the AKI, most
     * promising first (a matching key identifier, the store order, valid now, the most recent), at most
     * {@link #MAX_ISSUER_CANDIDATES} of them.
     */
    private Candidates issuerCandidates(StoredCertificate certificate) {
        List<StoredCertificate> named = bySubject.get(certificate.issuerCanonicalName());
        if (named == null) {
            return new Candidates(List.of(), 0);
        }
        String authorityKeyId = certificate.facts().authorityKeyIdentifier();
        List<StoredCertificate> candidates = new ArrayList<>(named.size());
        for (StoredCertificate candidate : named) {
            String subjectKeyId = candidate.facts().subjectKeyIdentifier();
            if (authorityKeyId == null || subjectKeyId == null || authorityKeyId.equals(subjectKeyId)) {
                candidates.add(candidate);
            }
        }
        if (candidates.size() > 1) {
            candidates.sort(Comparator.<StoredCertificate>comparingInt(c -> authorityKeyId != null
                            && authorityKeyId.equals(c.facts().subjectKeyIdentifier()) ? 0 : 1)
                    .thenComparingInt(c -> ISSUER_STORE_ORDER.indexOf(c.store()))
                    .thenComparingInt(c -> validNow(c) ? 0 : 1)
                    .thenComparing(c -> c.facts().notBefore(), Comparator.reverseOrder()));
        }
        if (candidates.size() <= MAX_ISSUER_CANDIDATES) {
            return new Candidates(candidates, 0);
        }
        return new Candidates(List.copyOf(candidates.subList(0, MAX_ISSUER_CANDIDATES)),
                candidates.size() - MAX_ISSUER_CANDIDATES);
    }

    private boolean validNow(StoredCertificate certificate) {
        return !at.isBefore(certificate.facts().notBefore()) && !at.isAfter(certificate.facts().notAfter());
    }

    /** One candidate path: the full elements, the issuer's path it extends, and what the judge found. */
    private record Scored(List<StoredCertificate> elements, CertificatePath above, List<ChainProblem> problems) {

        int statusRank() {
            return above.status().ordinal();
        }

        boolean has(ChainDefect defect) {
            return problems.stream().anyMatch(p -> p.defect() == defect);
        }

        boolean hasConstraintProblem() {
            return problems.stream().anyMatch(p -> p.defect().isConstraint());
        }

        int storeRank() {
            return ISSUER_STORE_ORDER.indexOf(elements.get(1).store());
        }

        Instant issuerNotAfter() {
            return elements.get(1).facts().notAfter();
        }

        /** Why this path lost to {@code best}: its defects, or the tie-breaker that decided. */
        List<String> reasonsAgainst(Scored best) {
            List<String> reasons = new ArrayList<>();
            if (above.status() != ChainStatus.COMPLETE) {
                reasons.add(above.status() == ChainStatus.INCOMPLETE ? "incomplete: no issuer for '"
                        + above.missingIssuer() + "' (CERT_TRUST_IS_PARTIAL_CHAIN)"
                        : "ends at a root not in Trusted Root (CERT_TRUST_IS_UNTRUSTED_ROOT)");
            }
            for (ChainProblem problem : problems) {
                if (!best.problems.contains(problem)) {
                    reasons.add(problem.defect().trustStatusNames() + ": " + problem.detail());
                }
            }
            if (reasons.isEmpty()) {
                reasons.add(elements.size() > best.elements.size() ? "longer than the path taken"
                        : storeRank() > best.storeRank() ? "its issuer is in a store searched later"
                        : "its issuer expires earlier");
            }
            return reasons;
        }
    }

    /**
     * The chain engine's preference among candidate paths: one ending at a trusted root, then one no element of
     * which is distrusted, then one whose every element is valid now, then one meeting every constraint, then one
     * valid for the MTLS usages; among equals the shortest, then the issuer from the store searched first, then
     * the issuer expiring last.
     */
    private static final Comparator<Scored> PREFERENCE = Comparator.comparingInt(Scored::statusRank)
            .thenComparing(s -> s.has(ChainDefect.DISTRUSTED))
            .thenComparing(s -> s.has(ChainDefect.NOT_TIME_VALID))
            .thenComparing(Scored::hasConstraintProblem)
            .thenComparing(s -> s.has(ChainDefect.NOT_VALID_FOR_USAGE))
            .thenComparingInt(s -> s.elements().size())
            .thenComparingInt(Scored::storeRank)
            .thenComparing(Scored::issuerNotAfter, Comparator.reverseOrder());
}
