package io.certaudit.agent.report;

import java.util.Map;
import java.util.TreeMap;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UserStoreRead;

/**
 * The typed facts of the model in the words the report has always shown them in: a certificate's {@code properties}
 * (the store entry's records, the Windows chain engine's verdict) and the host's {@code hostFacts} (what reading each
 * user Personal store gave). Sources and rules share the typed values; only the report spells them out.
 */
final class FactEvidence {

    /** The chain's CERT_TRUST_STATUS.dwErrorStatus, {@code 0x%08X}. */
    static final String OS_CHAIN_ERROR_STATUS = "osChainErrorStatus";
    /** The error bits by name, comma-separated, or {@code none}. */
    static final String OS_CHAIN_ERRORS = "osChainErrors";
    /** The chain's CERT_TRUST_STATUS.dwInfoStatus, {@code 0x%08X}. */
    static final String OS_CHAIN_INFO_STATUS = "osChainInfoStatus";
    /** The thumbprints of the chain the engine built, end certificate first, joined by {@code >}. */
    static final String OS_CHAIN_PATH = "osChainPath";
    /** Why no chain could be built. */
    static final String OS_CHAIN_FAILURE = "osChainFailure";
    static final String STORED_SHA1 = "storedSha1";
    static final String REGISTRY_KEY_NAME = "registryKeyName";
    static final String ARCHIVED = "archived";
    /** The purposes the store allows, comma-separated OIDs; empty: none at all. */
    static final String ENHANCED_KEY_USAGE = "enhancedKeyUsageProperty";
    /** Host fact prefix of a user store's read result, e.g. {@code userStore.CurrentUser\MY}. */
    static final String USER_STORE_PREFIX = "userStore.";

    private FactEvidence() {
    }

    /** The certificate's source properties with its typed facts spelled out beside them. */
    static Map<String, String> properties(StoredCertificate certificate) {
        Map<String, String> properties = new TreeMap<>(certificate.properties());
        StoreEntryFacts entry = certificate.storeEntry();
        putIfPresent(properties, STORED_SHA1, entry.storedSha1());
        putIfPresent(properties, REGISTRY_KEY_NAME, entry.registryKeyName());
        if (entry.archived()) {
            properties.put(ARCHIVED, "true");
        }
        if (entry.allowedPurposes() != null) {
            properties.put(ENHANCED_KEY_USAGE, String.join(",", entry.allowedPurposes()));
        }
        OsChainVerdict verdict = certificate.osChainVerdict();
        if (verdict != null && !verdict.built()) {
            properties.put(OS_CHAIN_FAILURE, verdict.failure());
        } else if (verdict != null) {
            properties.put(OS_CHAIN_ERROR_STATUS, hex(verdict.errorStatus()));
            properties.put(OS_CHAIN_ERRORS, verdict.errorNames().isEmpty() ? "none"
                    : String.join(", ", verdict.errorNames()));
            properties.put(OS_CHAIN_INFO_STATUS, hex(verdict.infoStatus()));
            properties.put(OS_CHAIN_PATH, String.join(" > ", verdict.path()));
        }
        return properties;
    }

    /** The host's source facts with each user store read spelled out beside them, sorted by name. */
    static Map<String, String> hostFacts(HostSnapshot snapshot) {
        Map<String, String> facts = new TreeMap<>(snapshot.hostFacts());
        for (UserStoreRead read : snapshot.userStoreReads()) {
            facts.put(USER_STORE_PREFIX + read.store(), read.describe());
            read.entryProblems().forEach((thumbprint, problem) ->
                    facts.put(USER_STORE_PREFIX + read.store() + "\\" + thumbprint, problem));
        }
        return facts;
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
