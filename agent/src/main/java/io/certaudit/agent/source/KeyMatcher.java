package io.certaudit.agent.source;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Tells whether a private key belongs to a certificate by signing a fixed message and verifying it with the
 * certificate's public key: works for every key type without comparing (or exposing) key material.
 */
final class KeyMatcher {

    private static final byte[] PROBE = "certaudit key match probe".getBytes(StandardCharsets.US_ASCII);

    private KeyMatcher() {
    }

    /** Whether {@code key} signs what {@code certificateKey} verifies; {@code false} for unknown key types. */
    static boolean matches(PrivateKey key, PublicKey certificateKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(certificateKey.getAlgorithm())
                && !(key.getAlgorithm().startsWith("Ed") && certificateKey.getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
