package io.certaudit.model;

import java.util.Locale;
import java.util.Optional;

/** The three LocalMachine system stores an MTLS service depends on. */
public enum StoreName {
    /** Personal: the service's own certificate, with its private key. */
    MY("Personal", "my", "personal"),
    /** Intermediate Certification Authorities. */
    CA("Intermediate Certification Authorities", "ca", "intermediate", "intermediates",
            "intermediate certification authorities"),
    /** Trusted Root Certification Authorities: self-signed trust anchors only. */
    ROOT("Trusted Root Certification Authorities", "root", "roots", "trusted root", "trusted roots",
            "trusted root certification authorities", "authroot");

    private final String displayName;
    private final String[] aliases;

    StoreName(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = aliases;
    }

    /** The name the certificates MMC snap-in shows. */
    public String displayName() {
        return displayName;
    }

    /**
     * Finds the store a folder or file name stands for, case-insensitively: {@code MY}, {@code Personal},
     * {@code Intermediate}, {@code Root}, {@code Trusted Root} and the like. Separators ({@code _ -}) count
     * as spaces.
     */
    public static Optional<StoreName> fromAlias(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (StoreName store : values()) {
            for (String alias : store.aliases) {
                if (alias.equals(wanted)) {
                    return Optional.of(store);
                }
            }
        }
        return Optional.empty();
    }
}
