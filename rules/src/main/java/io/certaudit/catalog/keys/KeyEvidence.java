package io.certaudit.catalog.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.model.PrivateKeyFacts;

/** The evidence a finding about a certificate's key association carries: what was seen, the provider, the container. */
final class KeyEvidence {

    private KeyEvidence() {
    }

    /** {@code evidence}, {@code provider} and {@code container}, each where the source knows it. */
    static Map<String, String> of(PrivateKeyFacts key) {
        Map<String, String> evidence = new LinkedHashMap<>();
        if (key.evidence() != null) {
            evidence.put("evidence", key.evidence());
        }
        if (key.provider() != null) {
            evidence.put("provider", key.provider());
        }
        if (key.container() != null) {
            evidence.put("container", key.container());
        }
        return evidence;
    }
}
