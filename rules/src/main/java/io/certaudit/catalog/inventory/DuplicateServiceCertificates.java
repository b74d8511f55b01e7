package io.certaudit.catalog.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * Field: a certificate renewed with the old one left beside it gives the service two valid candidates, and it
 * may pick either (often the old one, which then expires under it).
 */
@RuleInfo(
        id = "duplicate-service-certificates",
        title = "Several valid service certificates for the same name",
        severity = Severity.WARNING,
        area = Area.INVENTORY,
        citation = "Field reports: renewed certificate left beside the old one",
        basis = "Field reports: a renewed certificate left beside the old one, and the service may pick either",
        description = "Warns when two or more service certificates that are valid at the evaluation instant "
                + "cover the same name (a configured FQDN, or the same subject CN when none is configured). "
                + "Each older one is reported once, naming the newest and every name the two share.",
        remediation = "Keep only the newest certificate for the name: remove (or archive) the older ones from "
                + "LocalMachine\\Personal after confirming the service uses the new one.",
        evidence = {"candidates", "name", "newest"})
public final class DuplicateServiceCertificates extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return context.serviceCertificates().size() > 1;
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        Instant at = context.at();
        Map<String, List<StoredCertificate>> byName = new LinkedHashMap<>();
        List<String> expected = context.settings().expectedNames();
        Set<String> seen = new HashSet<>();
        for (StoredCertificate certificate : context.serviceCertificates()) {
            // The same certificate read twice (a PFX and a PEM of it, two physical stores) is one candidate.
            if (!seen.add(certificate.thumbprint())) {
                continue;
            }
            if (at.isBefore(certificate.facts().notBefore()) || at.isAfter(certificate.facts().notAfter())) {
                continue;
            }
            for (String name : namesOf(certificate, expected)) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(certificate);
            }
        }
        // One finding per (older, newest) pair, naming every name they share: a pool FQDN and two instance FQDNs
        // on the same two certificates are one problem, not three.
        Map<List<StoredCertificate>, List<String>> pairs = new LinkedHashMap<>();
        Map<List<StoredCertificate>, Integer> candidatesOfPair = new HashMap<>();
        for (Map.Entry<String, List<StoredCertificate>> group : byName.entrySet()) {
            List<StoredCertificate> candidates = group.getValue();
            if (candidates.size() < 2) {
                continue;
            }
            StoredCertificate newest = candidates.stream()
                    .max(Comparator.comparing((StoredCertificate c) -> c.facts().notBefore())
                            .thenComparing(c -> c.facts().notAfter()))
                    .orElseThrow();
            for (StoredCertificate older : candidates) {
                if (older != newest) {
                    List<StoredCertificate> pair = List.of(older, newest);
                    pairs.computeIfAbsent(pair, p -> new ArrayList<>()).add(group.getKey());
                    candidatesOfPair.merge(pair, candidates.size(), Math::max);
                }
            }
        }
        for (Map.Entry<List<StoredCertificate>, List<String>> pair : pairs.entrySet()) {
            StoredCertificate older = pair.getKey().get(0);
            StoredCertificate newest = pair.getKey().get(1);
            String names = String.join(", ", pair.getValue());
            findings.add(older, "Certificate " + older.label() + " and " + newest.label() + " are both valid for "
                    + names + "; the service may pick either. " + newest.label() + " is the newest.",
                    Map.of("name", names, "newest", newest.thumbprint(),
                            "candidates",
                            Integer.toString(Objects.requireNonNull(candidatesOfPair.get(pair.getKey())))));
        }
    }

    private static List<String> namesOf(StoredCertificate certificate, List<String> expected) {
        String cn = certificate.facts().subjectCommonName();
        if (expected.isEmpty()) {
            return cn == null ? List.of() : List.of(cn.toLowerCase(Locale.ROOT));
        }
        List<String> covered = new ArrayList<>();
        for (String name : expected) {
            boolean inSan = certificate.facts().dnsNames().stream().anyMatch(n -> n.equalsIgnoreCase(name));
            if (inSan || name.equalsIgnoreCase(cn)) {
                covered.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return covered;
    }
}
