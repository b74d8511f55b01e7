package io.certaudit.catalog.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.certaudit.engine.Findings;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationSource;

/** The evidence and the reporting both revocation rules share, so that their findings read alike. */
final class RevocationEvidence {

    private RevocationEvidence() {
    }

    static Map<String, String> of(RevocationCheck check) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", check.status().label());
        if (check.issuer() != null) {
            evidence.put("issuer", check.issuer());
        }
        if (!check.chainsOf().isEmpty()) {
            evidence.put("chainOf", String.join(", ", check.chainsOf()));
        }
        if (!check.sources().isEmpty()) {
            evidence.put("sources", describe(check));
        }
        if (check.unknownReason() != null) {
            evidence.put("unknownReason", check.unknownReason());
        }
        return evidence;
    }

    /** Each location and what it gave, in the order asked. */
    static String describe(RevocationCheck check) {
        return check.sources().stream().map(RevocationSource::describe).collect(Collectors.joining("; "));
    }

    /** Reports on the certificate where it was found: its store, or the peer that sent it. */
    static void report(Findings findings, RevocationCheck check, String message, Map<String, String> evidence) {
        if (check.peer() != null) {
            findings.addPeer(check.peer(), check.thumbprint(), check.subject(), message, evidence);
        } else {
            findings.addEntry(check.store(), check.thumbprint(), check.subject(), message, evidence);
        }
    }
}
