package io.certaudit.model;

import java.util.Objects;

/**
 * What a source learned about the private key of a Personal certificate. Never holds key material.
 *
 * @param present       whether the key exists and belongs to the certificate
 * @param kind          CAPI, CNG, a file beside the certificate, or unknown
 * @param provider      the CSP or KSP name, e.g. {@code Microsoft Software Key Storage Provider}, or {@code null}
 * @param container     the key container name, or {@code null}
 * @param machineKeyset whether the key is in the machine key set (what a service needs) rather than a user's
 * @param keyFile       the file that holds the key, or {@code null} when unknown or when it has none (TPM, smart card)
 * @param keyFileAccess the service account's access to {@code keyFile}, or {@code null} when not checked
 * @param evidence      how the source decided, in words, e.g. {@code key file web.key matches the certificate}
 * @param defect        what the source proved wrong with the key the certificate points at
 */
public record PrivateKeyFacts(Tristate present, KeyKind kind, String provider, String container,
                              Tristate machineKeyset, String keyFile, AccessFacts keyFileAccess, String evidence,
                              KeyDefect defect) {

    public PrivateKeyFacts {
        Objects.requireNonNull(present, "present");
        kind = kind == null ? KeyKind.UNKNOWN : kind;
        machineKeyset = machineKeyset == null ? Tristate.UNKNOWN : machineKeyset;
        defect = defect == null ? KeyDefect.NONE : defect;
    }

    /** Facts with no known defect. */
    public PrivateKeyFacts(Tristate present, KeyKind kind, String provider, String container,
                           Tristate machineKeyset, String keyFile, AccessFacts keyFileAccess, String evidence) {
        this(present, kind, provider, container, machineKeyset, keyFile, keyFileAccess, evidence, KeyDefect.NONE);
    }

    /** The source cannot tell whether there is a key. */
    public static PrivateKeyFacts unknown(String evidence) {
        return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.UNKNOWN, null, null, Tristate.UNKNOWN, null, null, evidence);
    }

    /** The source knows there is no usable key. */
    public static PrivateKeyFacts absent(String evidence) {
        return new PrivateKeyFacts(Tristate.NO, KeyKind.UNKNOWN, null, null, Tristate.UNKNOWN, null, null, evidence);
    }

    /** A key held in a file beside the certificate that matches it. */
    public static PrivateKeyFacts inFile(String keyFile, String evidence) {
        return new PrivateKeyFacts(Tristate.YES, KeyKind.FILE, null, null, Tristate.UNKNOWN, keyFile, null, evidence);
    }
}
