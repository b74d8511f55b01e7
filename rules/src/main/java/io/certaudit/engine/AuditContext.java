package io.certaudit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.certaudit.chain.ChainAnalysis;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/** What every rule sees: the snapshot, its chain analysis, the settings, the instant, the service certificates. */
public final class AuditContext {

    private final HostSnapshot snapshot;
    private final ChainAnalysis chains;
    private final AuditSettings settings;
    private final Instant at;
    private final List<StoredCertificate> serviceCertificates;
    /** The same entries by identity, so the per-certificate membership test rules make is O(1). */
    private final Set<StoredCertificate> serviceCertificateSet;
    /** What each scope offers, worked out once for all the rules of that scope (see {@link #targets(Scope)}). */
    private final Map<Scope, List<StoredCertificate>> targets = new ConcurrentHashMap<>();

    public AuditContext(HostSnapshot snapshot, ChainAnalysis chains, AuditSettings settings, Instant at) {
        this.snapshot = snapshot;
        this.chains = chains;
        this.settings = settings;
        this.at = at;
        this.serviceCertificates = List.copyOf(selectServiceCertificates(snapshot, settings));
        this.serviceCertificateSet = Collections.newSetFromMap(new IdentityHashMap<>());
        this.serviceCertificateSet.addAll(serviceCertificates);
    }

    public HostSnapshot snapshot() {
        return snapshot;
    }

    public ChainAnalysis chains() {
        return chains;
    }

    public AuditSettings settings() {
        return settings;
    }

    /** The instant validity is judged at; rules never read the clock. */
    public Instant at() {
        return at;
    }

    /**
     * The Personal certificates the service may use: those whose CN or a DNS SAN matches an expected name
     * (case-insensitively, as DNS does) when names are configured; otherwise every Personal certificate that is
     * not a CA.
     */
    public List<StoredCertificate> serviceCertificates() {
        return serviceCertificates;
    }

    /**
     * The certificates a {@link CertificateRule} of {@code scope} is offered, each once (by thumbprint), in store
     * order. Every rule of a scope is offered the same list, so it is built once, whichever rule asks first.
     */
    public List<StoredCertificate> targets(Scope scope) {
        return targets.computeIfAbsent(scope, this::selectTargets);
    }

    private List<StoredCertificate> selectTargets(Scope scope) {
        Map<String, StoredCertificate> selected = new LinkedHashMap<>();
        switch (scope) {
            case SERVICE_CERTIFICATES -> serviceCertificates.forEach(c -> selected.putIfAbsent(c.thumbprint(), c));
            case SERVICE_PATHS -> serviceCertificates.forEach(c -> chains.pathOf(c).elements()
                    .forEach(e -> selected.putIfAbsent(e.thumbprint(), e)));
            case ROOT_STORE -> snapshot.store(StoreName.ROOT).forEach(c -> selected.putIfAbsent(c.thumbprint(), c));
        }
        return List.copyOf(selected.values());
    }

    /** Whether the certificate is one of the service certificates. */
    public boolean isServiceCertificate(StoredCertificate certificate) {
        return serviceCertificateSet.contains(certificate);
    }

    static List<StoredCertificate> selectServiceCertificates(HostSnapshot snapshot, AuditSettings settings) {
        List<String> expected = settings.expectedNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<StoredCertificate> selected = new ArrayList<>();
        for (StoredCertificate certificate : snapshot.store(StoreName.MY)) {
            boolean matches = expected.isEmpty()
                    ? !certificate.facts().certificateAuthority()
                    : coversAny(certificate, expected);
            if (matches) {
                selected.add(certificate);
            }
        }
        return selected;
    }

    private static boolean coversAny(StoredCertificate certificate, List<String> lowerCaseNames) {
        String cn = certificate.facts().subjectCommonName();
        if (cn != null && lowerCaseNames.contains(cn.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return certificate.facts().dnsNames().stream()
                .anyMatch(name -> lowerCaseNames.contains(name.toLowerCase(Locale.ROOT)));
    }
}
