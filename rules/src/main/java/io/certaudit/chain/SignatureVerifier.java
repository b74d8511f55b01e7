package io.certaudit.chain;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.certaudit.model.CertificateSignature;
import io.certaudit.model.StoredCertificate;

/**
 * Verifies a certificate's signature with its issuer's public key, asking each engine in turn until one judges it:
 * the engines the classpath supplies (a native one, when its library loaded), then {@link JavaSignatureEngine},
 * which judges everything. Each issuer's key is prepared once per engine, and the verifier counts which engine
 * judged how many signatures, for the report.
 */
final class SignatureVerifier {

    /** An issuer's key as each engine prepared it, in engine order; {@code null} where an engine cannot use it. */
    private record PreparedKeys(SignatureEngine.PreparedKey[] keys) {
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

    private boolean verifies(CertificateSignature signature, StoredCertificate issuer) {
        PreparedKeys keys = prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate()));
        for (int i = 0; i < engines.size(); i++) {
            SignatureEngine.PreparedKey key = keys.keys()[i];
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
        SignatureEngine.PreparedKey[] keys = new SignatureEngine.PreparedKey[engines.size()];
        PublicKey key = issuer.getPublicKey();
        for (int i = 0; i < keys.length; i++) {
            SignatureEngine engine = engines.get(i);
            if (engine.unavailableReason() == null) {
                keys[i] = engine.prepare(key);
            }
        }
        return new PreparedKeys(keys);
    }
}
