package io.certaudit.model;

/**
 * Names of the {@link StoredCertificate#properties()} that sources record from a store entry's own metadata,
 * shared by the sources that write them and the rules that read them.
 */
public final class StoreEntryProperties {

    /** The SHA-1 the store recorded for the entry (CERT_SHA1_HASH_PROP_ID), uppercase hex as stored. */
    public static final String STORED_SHA1 = "storedSha1";
    /** The name of the registry key that holds the entry, which Windows derives from the certificate's SHA-1. */
    public static final String REGISTRY_KEY_NAME = "registryKeyName";
    /** {@code true} when the entry is archived: Windows skips it when enumerating the store. */
    public static final String ARCHIVED = "archived";
    /**
     * The purposes the store allows for the certificate (CERT_ENHKEY_USAGE_PROP_ID), comma-separated OIDs; empty
     * means no purpose at all. Absent when the store does not restrict the certificate.
     */
    public static final String ENHANCED_KEY_USAGE = "enhancedKeyUsageProperty";

    private StoreEntryProperties() {
    }
}
