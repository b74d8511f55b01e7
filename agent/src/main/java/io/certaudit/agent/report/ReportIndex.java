package io.certaudit.agent.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lookups over one {@link AuditReport} that the human-facing writers share: certificates by store and thumbprint,
 * the findings that concern each, the service certificates, days left. Built from the report alone, so a report read
 * back from JSON renders exactly as the live audit did.
 */
public final class ReportIndex {

    /** A certificate and the store it was found in. */
    public record Located(String store, AuditReport.CertificateEntry certificate) {
    }

    /** A comma that separates two parts of an RFC 2253 name: one not escaped by a backslash. */
    private static final Pattern UNESCAPED_COMMA = Pattern.compile("(?<!\\\\),");

    private final AuditReport report;
    private final Instant evaluatedAt;
    private final Map<String, AuditReport.CertificateEntry> certificates = new HashMap<>();
    private final Map<String, List<AuditReport.FindingEntry>> findingsByThumbprint = new HashMap<>();
    private final Map<AuditReport.FindingEntry, Integer> findingNumbers = new IdentityHashMap<>();
    private final List<Located> serviceCertificates = new ArrayList<>();

    public ReportIndex(AuditReport report) {
        this.report = report;
        this.evaluatedAt = Dates.parse(report.evaluatedAt());
        for (AuditReport.Store store : report.stores()) {
            for (AuditReport.CertificateEntry certificate : store.certificates()) {
                certificates.putIfAbsent(key(store.name(), certificate.thumbprint()), certificate);
                if (certificate.serviceCertificate()) {
                    serviceCertificates.add(new Located(store.name(), certificate));
                }
            }
        }
        List<AuditReport.FindingEntry> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            AuditReport.FindingEntry finding = findings.get(i);
            findingNumbers.put(finding, i + 1);
            if (finding.thumbprint() != null) {
                findingsByThumbprint.computeIfAbsent(finding.thumbprint(), t -> new ArrayList<>()).add(finding);
            }
        }
    }

    private static String key(String store, String thumbprint) {
        return store + ':' + thumbprint;
    }

    public AuditReport report() {
        return report;
    }

    /** When validity was judged; {@code null} only for a damaged report whose date does not parse. */
    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** The service certificates in report order, each with its store. */
    public List<Located> serviceCertificates() {
        return serviceCertificates;
    }

    public Optional<AuditReport.CertificateEntry> certificate(String store, String thumbprint) {
        return Optional.ofNullable(certificates.get(key(store, thumbprint)));
    }

    public Optional<AuditReport.Store> store(String name) {
        return report.stores().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The findings about the certificate {@code thumbprint} in {@code store}, worst first: those naming that store,
     * and those naming the certificate without a store. A copy of the same certificate in another store has its own.
     */
    public List<AuditReport.FindingEntry> findingsOn(String store, String thumbprint) {
        return findingsByThumbprint.getOrDefault(thumbprint, List.of()).stream()
                .filter(f -> f.store() == null || f.store().equals(store))
                .toList();
    }

    /** The findings about the peer probed at {@code address}, worst first. */
    public List<AuditReport.FindingEntry> findingsAboutPeer(String address) {
        return report.findings().stream().filter(f -> address.equals(f.peer())).toList();
    }

    /** The worst finding about anything in {@code store}: the store itself or one of its certificates. */
    public Health health(AuditReport.Store store) {
        List<AuditReport.FindingEntry> findings = new ArrayList<>(report.findings().stream()
                .filter(f -> f.thumbprint() == null && store.name().equals(f.store())).toList());
        store.certificates().forEach(c -> findings.addAll(findingsOn(store.name(), c.thumbprint())));
        return Health.worst(findings);
    }

    public Health health(String store, String thumbprint) {
        return Health.worst(findingsOn(store, thumbprint));
    }

    /** The finding's 1-based position in the report (worst first), which anchors and lists refer to. */
    public int number(AuditReport.FindingEntry finding) {
        Integer number = findingNumbers.get(finding);
        if (number == null) {
            throw new IllegalArgumentException("not a finding of this report: " + finding.rule());
        }
        return number;
    }

    /** Whole days from the audit to {@code instantText}, or {@code null} when either date does not parse. */
    public Long daysFromAudit(String instantText) {
        Instant instant = Dates.parse(instantText);
        return instant == null || evaluatedAt == null ? null : Dates.daysBetween(evaluatedAt, instant);
    }

    /** The CN, or the whole subject when it has none. */
    public static String displayName(AuditReport.CertificateEntry certificate) {
        String cn = certificate.subjectCommonName();
        return cn == null || cn.isBlank() ? certificate.subject() : cn;
    }

    /** The CN of an RFC 2253 distinguished name, or the name itself when it has none. */
    public static String commonName(String distinguishedName) {
        if (distinguishedName == null) {
            return "";
        }
        for (String part : UNESCAPED_COMMA.split(distinguishedName)) {
            String trimmed = part.trim();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3).replace("\\,", ",");
            }
        }
        return distinguishedName;
    }
}
