package io.certaudit.model;

import java.util.List;

/**
 * What a certificate store records about an entry beside the certificate itself, where the source saw it: a
 * serialized store (.sst), a registry export (.reg) or the live store.
 *
 * @param storedSha1       the SHA-1 the store recorded for the entry (CERT_SHA1_HASH_PROP_ID), uppercase hex as
 *                         stored, or {@code null} when the source did not see one
 * @param registryKeyName  the name of the registry key holding the entry (Windows derives it from the certificate's
 *                         SHA-1), or {@code null} outside a registry export
 * @param archived         whether the entry carries CERT_ARCHIVED_PROP_ID: Windows skips it when enumerating the
 *                         store
 * @param allowedPurposes  the purposes the store allows for the certificate (CERT_ENHKEY_USAGE_PROP_ID) as EKU OIDs:
 *                         empty means no purpose at all; {@code null} means the store does not restrict it
 */
public record StoreEntryFacts(String storedSha1, String registryKeyName, boolean archived,
                              List<String> allowedPurposes) {

    /** An entry the source recorded nothing about. */
    public static final StoreEntryFacts NONE = new StoreEntryFacts(null, null, false, null);

    public StoreEntryFacts {
        allowedPurposes = allowedPurposes == null ? null : List.copyOf(allowedPurposes);
    }

    public StoreEntryFacts withStoredSha1(String sha1) {
        return new StoreEntryFacts(sha1, registryKeyName, archived, allowedPurposes);
    }

    public StoreEntryFacts withRegistryKeyName(String name) {
        return new StoreEntryFacts(storedSha1, name, archived, allowedPurposes);
    }

    public StoreEntryFacts withArchived(boolean isArchived) {
        return new StoreEntryFacts(storedSha1, registryKeyName, isArchived, allowedPurposes);
    }

    public StoreEntryFacts withAllowedPurposes(List<String> purposes) {
        return new StoreEntryFacts(storedSha1, registryKeyName, archived, purposes);
    }

    /** Whether the store recorded which certificate the entry is (its SHA-1 property or its key name). */
    public boolean recordsASha1() {
        return storedSha1 != null || registryKeyName != null;
    }
}
