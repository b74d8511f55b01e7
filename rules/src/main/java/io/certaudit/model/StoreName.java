package io.certaudit.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LocalMachine system stores the audit reads: the three an MTLS service depends on (MY, CA, ROOT),
 * Untrusted Certificates (Disallowed), which only takes trust away, and Client Authentication Issuers, which
 * Schannel consults for the issuers it trusts for client certificates. Code that means "the stores of an MTLS
 * service" iterates {@link #MTLS_STORES}, never {@link #values()}.
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
    DISALLOWED("Untrusted Certificates", "disallowed", "untrusted", "untrusted certificates", "distrusted"),
    /**
     * Client Authentication Issuers (system store {@code ClientAuthIssuer}): since Windows Server 2012 the source of
     * the trusted issuer list Schannel sends when it holds certificates, and the store whose issuers Schannel's
     * Exclusive Root and Exclusive CA trust modes accept. The chain engine never takes a path element from it.
     */
    CLIENT_AUTH_ISSUER("Client Authentication Issuers", "clientauthissuer", "client authentication issuers",
            "client auth issuers", "client auth issuer");

    /** The stores an MTLS service takes its certificate, intermediates and roots from, in lookup order. */
    public static final Set<StoreName> MTLS_STORES =
            Collections.unmodifiableSet(EnumSet.of(MY, CA, ROOT));

    private final String displayName;
    private final String[] aliases;

    StoreName(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = aliases;
    }

    /** Whether the store is one an MTLS service takes certificates from (MY, CA, ROOT). */
    public boolean isMtlsStore() {
        return MTLS_STORES.contains(this);
    }

    /**
     * The name CryptoAPI opens the LocalMachine system store by ({@code CertOpenStore} with
     * {@code CERT_STORE_PROV_SYSTEM}; system store names are not case-sensitive) and its registry key under
     * {@code SystemCertificates} is called.
     */
    public String systemStoreName() {
        return this == CLIENT_AUTH_ISSUER ? "ClientAuthIssuer" : name();
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
