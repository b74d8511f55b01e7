package io.certaudit.model;

/**
 * Where a private key lives. CAPI and CNG keys are stored in different folders with different ACLs
 * ({@code Crypto\RSA\MachineKeys} versus {@code Crypto\Keys}), which matters when granting read access.
 */
public enum KeyKind {
    /** A legacy CryptoAPI cryptographic service provider (CSP) key. */
    CAPI,
    /** A Cryptography Next Generation key storage provider (KSP) key. */
    CNG,
    /** A key held in a file beside the certificate (PEM, PFX): an exported copy of a host. */
    FILE,
    /** The source could not tell. */
    UNKNOWN
}
