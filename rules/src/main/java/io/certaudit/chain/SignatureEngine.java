package io.certaudit.chain;

import java.security.PublicKey;

import org.jspecify.annotations.Nullable;

import io.certaudit.model.CertificateSignature;

/**
 * A way to check certificate signatures. The pure-Java engine ({@link JavaSignatureEngine}) judges every signature;
 * a faster engine (native code the agent supplies through {@link java.util.ServiceLoader}, so that this module stays
 * portable) is asked first and may answer {@link Verdict#UNSUPPORTED} for an algorithm, a curve or a key it does not
 * have, which hands the signature to the next engine. Engines must reach the same verdict on every signature they
 * judge; only their speed differs.
 */
public interface SignatureEngine {

    /** What an engine says of one signature. */
    enum Verdict {
        /** The key verifies the signature. */
        VALID,
        /** The signature is malformed, or the key does not verify it. */
        INVALID,
        /** This engine lacks the algorithm or cannot use the key: another engine must judge. */
        UNSUPPORTED
    }

    /** An issuer's public key converted once for this engine, used for every certificate that issuer may have signed. */
    interface PreparedKey {
        Verdict verify(CertificateSignature signature);
    }

    /** The name recorded in the report, e.g. {@code BoringSSL (Conscrypt 2.5.2)}. */
    String name();

    /** Why this engine cannot verify anything in this process (its native library did not load), or {@code null}. */
    @Nullable String unavailableReason();

    /** {@code key} prepared for this engine, or {@code null} when the engine cannot use it. */
    PreparedKey prepare(PublicKey key);
}
