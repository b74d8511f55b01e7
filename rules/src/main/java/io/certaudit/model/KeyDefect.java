package io.certaudit.model;

/**
 * What a source proved wrong with the private key a certificate points at, beyond whether a key is there.
 */
public enum KeyDefect {
    /** Nothing known to be wrong. */
    NONE,
    /**
     * The key the certificate's key provider information names exists but is not the key of the certificate's
     * public key: CryptAcquireCertificatePrivateKey with CRYPT_ACQUIRE_COMPARE_KEY_FLAG failed with
     * NTE_BAD_PUBLIC_KEY, or a key file beside an exported certificate does not match it.
     */
    KEY_MISMATCH,
    /**
     * A LocalMachine certificate whose key is in a per-user key set (no CRYPT_MACHINE_KEYSET), not shown to be the
     * service account's own: only the account whose profile holds it can open it.
     */
    USER_KEY_SET
}
