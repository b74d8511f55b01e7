package io.certaudit.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LocalMachine system stores the audit reads: the three an MTLS service depends on (MY, CA, ROOT) and
 * Untrusted Certificates (Disallowed), which only takes trust away. Code that means "the stores of an MTLS service"
 * iterates {@link #MTLS_STORES}, never {@link #values()}.
 */
public enum StoreName {
    /** Personal: the service's own certificate, with its private key. */
    MY("Personal", "my", "personal"),
    /** Intermediate Certification Authorities. */
    CA("Intermediate Certification Authorities", "ca", "intermediate", "intermediates",
            "intermediate certification authorities"),
    /** Trusted Root Certification Authorities: self-signed trust anchors only. */
    ROOT("Trusted Root Certification Authorities", "root", "roots", "trusted root", "trusted roots",
            "trusted root certification authorities", "authroot"),
    /**
     * Untrusted Certificates: certificates Windows explicitly distrusts. The chain engine marks any chain through
     * one of them CERT_TRUST_IS_EXPLICIT_DISTRUST; it never supplies a path element.
     */
    DISALLOWED("Untrusted Certificates", "disallowed", "untrusted", "untrusted certificates", "distrusted");

    /** The stores an MTLS service takes its certificate, intermediates and roots from, in lookup order. */
    public static final Set<StoreName> MTLS_STORES =
            Collections.unmodifiableSet(EnumSet.of(MY, CA, ROOT));

    private final String displayName;
    private final String[] aliases;

    StoreName(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = aliases;
    }

    /** Whether the store is one an MTLS service takes certificates from (every store but Disallowed). */
    public boolean isMtlsStore() {
        return MTLS_STORES.contains(this);
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
