package io.certaudit.catalog.access;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.model.AccessFacts;

/** The facts behind an access verdict, as finding evidence: object, account, ACL in SDDL and in words. */
final class AccessEvidence {

    private AccessEvidence() {
    }

    static Map<String, String> of(AccessFacts access) {
        Map<String, String> evidence = new LinkedHashMap<>();
        put(evidence, "object", access.object());
        put(evidence, "account", access.account());
        put(evidence, "accountSid", access.accountSid());
        put(evidence, "sddl", access.sddl());
        if (!access.entries().isEmpty()) {
            evidence.put("acl", String.join("; ", access.entries()));
        }
        put(evidence, "unknownReason", access.unknownReason());
        return evidence;
    }

    private static void put(Map<String, String> evidence, String name, String value) {
        if (value != null) {
            evidence.put(name, value);
        }
    }
}
