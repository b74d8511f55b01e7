package io.certaudit.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.certaudit.model.CertificateFacts;
import io.certaudit.model.KeyUsageBit;
import io.certaudit.model.StoredCertificate;

/**
 * Judges a built path as the chain engine does after building it (CertGetCertificateChain's per-element trust
 * status): explicit distrust, validity at the evaluation instant, basic constraints and path length, the issuers'
 * keyCertSign, name constraints, critical extensions it does not process, and the usages the path is valid for.
 * The first element is judged as the end certificate. Each problem names the element the chain engine marks.
 */
final class PathJudge {

    /** The usages an MTLS service certificate's chain must be valid for: it is both server and client. */
    static final List<String> MTLS_USAGES = List.of(CertificateFacts.EKU_SERVER_AUTH, CertificateFacts.EKU_CLIENT_AUTH);

    /**
     * Critical extensions the chain engine processes, so that marking them critical does not fail the chain:
     * basic constraints (both OIDs), key usage, subject and issuer alternative names (both OIDs), name constraints,
     * certificate policies, policy mappings, policy constraints, inhibit anyPolicy, extended key usage, and
     * Microsoft's application policies, application policy mappings and application policy constraints. Microsoft
     * does not publish the list; these are the extensions CryptoAPI decodes into the chain's trust status. Any other
     * critical extension gives CERT_TRUST_INVALID_EXTENSION | CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT.
     */
    static final Set<String> PROCESSED_CRITICAL_EXTENSIONS = Set.of(
            "2.5.29.10", "2.5.29.19", "2.5.29.15", "2.5.29.7", "2.5.29.17", "2.5.29.8", "2.5.29.18",
            "2.5.29.30", "2.5.29.32", "2.5.29.33", "2.5.29.36", "2.5.29.54", "2.5.29.37",
            "1.3.6.1.4.1.311.21.10", "1.3.6.1.4.1.311.21.11", "1.3.6.1.4.1.311.21.12");

    private final Instant at;
    private final Set<String> distrusted;
    private final Map<String, Optional<NameConstraints>> nameConstraints = new ConcurrentHashMap<>();

    PathJudge(Instant at, Set<String> distrusted) {
        this.at = at;
        this.distrusted = distrusted;
    }

    List<ChainProblem> judge(List<StoredCertificate> elements) {
        List<ChainProblem> problems = new ArrayList<>();
        int size = elements.size();
        for (int i = 0; i < size; i++) {
            StoredCertificate element = elements.get(i);
            CertificateFacts facts = element.facts();
            if (distrusted.contains(element.thumbprint())) {
                problems.add(new ChainProblem(ChainDefect.DISTRUSTED, element, element.label()
                        + " is in the Untrusted Certificates (Disallowed) store"));
            }
            if (at.isBefore(facts.notBefore()) || at.isAfter(facts.notAfter())) {
                problems.add(new ChainProblem(ChainDefect.NOT_TIME_VALID, element, element.label()
                        + " is valid from " + facts.notBefore() + " to " + facts.notAfter()));
            }
            for (String oid : facts.criticalExtensions()) {
                if (!PROCESSED_CRITICAL_EXTENSIONS.contains(oid)) {
                    problems.add(new ChainProblem(ChainDefect.CRITICAL_EXTENSION_UNKNOWN, element, element.label()
                            + " has critical extension " + oid + ", which the chain engine does not process"));
                }
            }
            if (i == 0) {
                continue;
            }
            // An issuer. Without basicConstraints it is accepted as a CA (v1 roots and some v3 intermediates have
            // none, and the chain engine accepts them); with it, cA must be true.
            if (facts.basicConstraintsPresent() && !facts.certificateAuthority()) {
                problems.add(new ChainProblem(ChainDefect.ISSUER_NOT_CA, element, element.label()
                        + " issues " + elements.get(i - 1).label() + " but its basicConstraints says it is not a CA"));
            }
            Integer pathLength = facts.pathLengthConstraint();
            int casBelow = i - 1;
            if (pathLength != null && casBelow > pathLength) {
                problems.add(new ChainProblem(ChainDefect.PATH_LENGTH_EXCEEDED, element, element.label()
                        + " allows " + pathLength + " CA certificate" + (pathLength == 1 ? "" : "s")
                        + " below it (pathLenConstraint) but the path has " + casBelow));
            }
            if (facts.keyUsage() != null && !facts.keyUsage().contains(KeyUsageBit.KEY_CERT_SIGN)) {
                problems.add(new ChainProblem(ChainDefect.ISSUER_KEY_USAGE, element, element.label()
                        + " issues " + elements.get(i - 1).label() + " but its keyUsage ("
                        + labels(facts.keyUsage()) + ") lacks keyCertSign"));
            }
            NameConstraints constraints = nameConstraints.computeIfAbsent(element.thumbprint(),
                    t -> Optional.ofNullable(NameConstraints.of(element))).orElse(null);
            if (constraints != null) {
                judgeNames(elements, i, constraints, problems);
            }
        }
        judgeUsage(elements, problems);
        return problems;
    }

    private static void judgeNames(List<StoredCertificate> elements, int caIndex, NameConstraints constraints,
                                   List<ChainProblem> problems) {
        StoredCertificate ca = elements.get(caIndex);
        if (constraints.unsupported() != null) {
            problems.add(new ChainProblem(ChainDefect.NAME_CONSTRAINT_UNSUPPORTED, ca, ca.label()
                    + " has name constraints with " + constraints.unsupported()
                    + ", which the chain engine does not support"));
            return;
        }
        for (int j = caIndex - 1; j >= 0; j--) {
            StoredCertificate below = elements.get(j);
            // RFC 5280 6.1.3 (b): self-issued certificates other than the end certificate are not held to them.
            if (j != 0 && below.facts().selfIssued()) {
                continue;
            }
            for (NameConstraints.Violation violation : constraints.check(below)) {
                problems.add(new ChainProblem(violation.excluded() ? ChainDefect.NAME_EXCLUDED
                        : ChainDefect.NAME_NOT_PERMITTED, ca, violation.name() + " of " + below.label()
                        + (violation.excluded() ? " is in an excluded subtree of " : " is outside the permitted "
                        + "subtrees of ") + ca.label()));
            }
        }
    }

    /**
     * The usages the path is valid for, as the chain engine computes them: every issuer's EKU extension and every
     * element's store EKU property (CERT_ENHKEY_USAGE_PROP_ID) restrict it. The end certificate's own EKU extension
     * is left to the EKU rules, which judge it with their own messages.
     */
    private static void judgeUsage(List<StoredCertificate> elements, List<ChainProblem> problems) {
        for (String usage : MTLS_USAGES) {
            for (int i = 0; i < elements.size(); i++) {
                StoredCertificate element = elements.get(i);
                List<String> extension = i == 0 ? null : element.facts().extendedKeyUsages();
                Set<String> property = element.storeEnhancedKeyUsage();
                String why = null;
                if (extension != null && !extension.contains(usage) && !extension.contains(CertificateFacts.EKU_ANY)) {
                    why = "its EKU extension allows only " + (extension.isEmpty() ? "nothing" : extension);
                } else if (property != null && !property.contains(usage)) {
                    why = "its store EKU property (CERT_ENHKEY_USAGE_PROP_ID) allows only "
                            + (property.isEmpty() ? "nothing" : property);
                }
                if (why != null) {
                    problems.add(new ChainProblem(ChainDefect.NOT_VALID_FOR_USAGE, element, element.label()
                            + " restricts the chain away from " + usageName(usage) + ": " + why));
                    break;
                }
            }
        }
    }

    static String usageName(String oid) {
        return CertificateFacts.EKU_SERVER_AUTH.equals(oid) ? "Server Authentication (" + oid + ")"
                : CertificateFacts.EKU_CLIENT_AUTH.equals(oid) ? "Client Authentication (" + oid + ")" : oid;
    }

    private static String labels(Set<KeyUsageBit> bits) {
        return bits.isEmpty() ? "none" : String.join(", ", bits.stream().map(KeyUsageBit::label).toList());
    }
}
