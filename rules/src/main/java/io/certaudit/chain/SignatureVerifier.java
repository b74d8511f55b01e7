package io.certaudit.chain;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import io.certaudit.model.CertificateSignature;
import io.certaudit.model.StoredCertificate;

/**
 * Verifies a certificate's signature with its issuer's public key, asking each engine in turn until one judges it:
 * the engines the classpath supplies (a native one, when its library loaded), then {@link JavaSignatureEngine},
 * which judges everything. Each issuer's key is prepared for an engine when that engine is first asked about it, and
 * the verifier counts which engine judged how many signatures, for the report.
 */
final class SignatureVerifier {

    /**
     * The largest RSA public exponent verified, in bits. Windows verifies certificate signatures with CNG, whose
     * RSA implementation (SymCrypt) holds the public exponent in one 64-bit word; CryptoAPI's RSAPUBKEY holds it in
     * a 32-bit DWORD. A larger exponent is never a real key, and verifying with one costs a private-key operation's
     * time per signature, which a hostile export can multiply by every certificate below it.
     */
    static final int MAX_RSA_EXPONENT_BITS = 64;
    /** The largest RSA modulus verified, in bits: the largest RSA key CNG creates or imports. */
    static final int MAX_RSA_MODULUS_BITS = 16_384;

    /**
     * An issuer's key, prepared for each engine the first time that engine is asked about one of its signatures (a
     * later engine is asked only about what an earlier one cannot judge, so most keys are prepared for the first
     * engine only), and why Windows could not use the key at all, when it could not (then no engine is asked).
     */
    private final class PreparedKeys {
        /** Marks an engine not asked about this key yet. */
        private static final Object NOT_PREPARED = new Object();
        /** Marks an engine that cannot use this key. */
        private static final Object UNUSABLE_BY_ENGINE = new Object();

        private final PublicKey key;
        private final @Nullable String unusable;
        private final AtomicReferenceArray<Object> keys;

        PreparedKeys(PublicKey key, @Nullable String unusable) {
            this.key = key;
            this.unusable = unusable;
            this.keys = new AtomicReferenceArray<>(engines.size());
            for (int i = 0; i < engines.size(); i++) {
                keys.set(i, NOT_PREPARED);
            }
        }

        @Nullable String unusable() {
            return unusable;
        }

        /** The key prepared for engine {@code index}, or {@code null} when that engine cannot use it. */
        SignatureEngine.@Nullable PreparedKey key(int index) {
            Object known = keys.get(index);
            if (known == NOT_PREPARED) {
                SignatureEngine engine = engines.get(index);
                SignatureEngine.PreparedKey prepared = engine.unavailableReason() == null ? engine.prepare(key) : null;
                // Preparing is deterministic: when two threads prepare at once, either result serves.
                keys.compareAndSet(index, NOT_PREPARED, prepared == null ? UNUSABLE_BY_ENGINE : prepared);
                known = keys.get(index);
            }
            return known == UNUSABLE_BY_ENGINE ? null : (SignatureEngine.PreparedKey) known;
        }
    }

    private final List<SignatureEngine> engines;
    private final Map<String, PreparedKeys> prepared = new ConcurrentHashMap<>();
    private final LongAdder[] verifications;

    /** The engines the classpath supplies, then the pure-Java one. */
    SignatureVerifier() {
        this(suppliedEngines());
    }

    /** {@code faster} in order, then the pure-Java engine. */
    SignatureVerifier(List<SignatureEngine> faster) {
        List<SignatureEngine> all = new ArrayList<>(faster);
        all.add(new JavaSignatureEngine());
        this.engines = List.copyOf(all);
        this.verifications = new LongAdder[engines.size()];
        for (int i = 0; i < verifications.length; i++) {
            verifications[i] = new LongAdder();
        }
    }

    /** The engines found through {@link ServiceLoader}, available or not (an unavailable one says why). */
    static List<SignatureEngine> suppliedEngines() {
        List<SignatureEngine> found = new ArrayList<>();
        try {
            ServiceLoader.load(SignatureEngine.class, SignatureVerifier.class.getClassLoader()).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            // A supplied engine that cannot even be constructed: verify in Java.
        }
        return found;
    }

    /** Whether {@code issuer}'s key verifies {@code child}'s signature; a malformed signature does not. */
    boolean verifies(StoredCertificate child, StoredCertificate issuer) {
        return verifies(child.signature(), issuer);
    }

    /** As above, for a certificate decoded elsewhere. */
    boolean verifies(X509Certificate child, StoredCertificate issuer) {
        try {
            return verifies(CertificateSignature.of(child), issuer);
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** Why {@code issuer}'s key cannot verify any signature (an absurd RSA key), or {@code null} when it can. */
    @Nullable String unusableKey(StoredCertificate issuer) {
        return prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate())).unusable();
    }

    private boolean verifies(CertificateSignature signature, StoredCertificate issuer) {
        PreparedKeys keys = prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate()));
        if (keys.unusable() != null) {
            return false;
        }
        for (int i = 0; i < engines.size(); i++) {
            SignatureEngine.PreparedKey key = keys.key(i);
            if (key == null) {
                continue;
            }
            SignatureEngine.Verdict verdict = key.verify(signature);
            if (verdict != SignatureEngine.Verdict.UNSUPPORTED) {
                verifications[i].increment();
                return verdict == SignatureEngine.Verdict.VALID;
            }
        }
        return false;
    }

    /** How many signatures each engine judged, in engine order, with the reason of an engine that could not run. */
    List<SignatureEngineUse> uses() {
        List<SignatureEngineUse> uses = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            SignatureEngine engine = engines.get(i);
            uses.add(new SignatureEngineUse(engine.name(), verifications[i].sum(), engine.unavailableReason()));
        }
        return uses;
    }

    private PreparedKeys prepare(X509Certificate issuer) {
        PublicKey key = issuer.getPublicKey();
        return new PreparedKeys(key, unusable(key));
    }

    /** Why Windows could not verify with {@code key}, checked before any arithmetic; {@code null} when it could. */
    private static @Nullable String unusable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            BigInteger exponent = rsa.getPublicExponent();
            if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS) {
                return "its RSA public exponent has " + exponent.bitLength() + " bits; Windows takes at most "
                        + MAX_RSA_EXPONENT_BITS;
            }
            if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
                return "its RSA public exponent " + exponent + " is not an odd number of at least 3";
            }
            if (rsa.getModulus().bitLength() > MAX_RSA_MODULUS_BITS) {
                return "its RSA modulus has " + rsa.getModulus().bitLength() + " bits; Windows takes at most "
                        + MAX_RSA_MODULUS_BITS;
            }
        }
        return null;
    }
}
