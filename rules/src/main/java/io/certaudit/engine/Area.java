package io.certaudit.engine;

import java.util.Locale;

/** The part of the host a rule looks at; the catalogue is grouped by it. */
public enum Area {
    /** Which service certificates there are, and entries that could not be read. */
    INVENTORY,
    /** Paths to a trusted root across MY, CA and ROOT. */
    CHAIN,
    /** Subject and SAN names against the names the service must answer to. */
    NAMES,
    /** Private keys and key strength. */
    KEYS,
    /** Extended key usages, signature algorithms and revocation pointers. */
    USAGE,
    /** Validity periods. */
    DATES,
    /** Hygiene of the Trusted Root store. */
    ROOTSTORE,
    /** The service account's access to keys and stores. */
    ACCESS,
    /** The MTLS peer. */
    PEER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
