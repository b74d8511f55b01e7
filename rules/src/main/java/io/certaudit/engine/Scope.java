package io.certaudit.engine;

/** Which certificates a {@link CertificateRule} is offered. */
public enum Scope {
    /** The service certificates in Personal. */
    SERVICE_CERTIFICATES,
    /** Every element of every service certificate's path, each once: leaf, intermediates, root. */
    SERVICE_PATHS,
    /** Every certificate in Trusted Root. */
    ROOT_STORE
}
