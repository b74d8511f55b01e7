package io.certaudit.chain;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import io.certaudit.model.StoredCertificate;

/**
 * Verifies a certificate's signature with its issuer's public key: the JDK first, and BouncyCastle when the JDK
 * lacks the algorithm or curve (e.g. brainpool). ECDSA with a key on P-256, P-384 or P-521, which both verify, goes
 * straight to BouncyCastle: it is several times faster than the JDK 17 implementation, and the issuer's key,
 * converted once, keeps the multiples of the issuer's point BouncyCastle precomputes between the certificates that
 * issuer signed.
 */
final class SignatureVerifier {

    /** The curves the JDK verifies too (SunEC since JDK 16), where BouncyCastle's verdict is the JDK's. */
    private static final Set<ASN1ObjectIdentifier> SHARED_CURVES = Set.of(SECObjectIdentifiers.secp256r1,
            SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    /** An issuer's key as the JDK parsed it, and as BouncyCastle's own object when it takes the quick path. */
    private record PreparedKey(PublicKey key, PublicKey bouncyCastleKey) {
    }

    private final Map<String, PreparedKey> prepared = new ConcurrentHashMap<>();

    /** Whether {@code issuer}'s key verifies {@code child}'s signature; a malformed signature does not. */
    boolean verifies(X509Certificate child, StoredCertificate issuer) {
        PreparedKey key = prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate()));
        if (key.bouncyCastleKey() != null) {
            try {
                child.verify(key.bouncyCastleKey(), BouncyCastle.PROVIDER);
                return true;
            } catch (SignatureException | InvalidKeyException e) {
                // Wrong key or a malformed signature: not this issuer.
                return false;
            } catch (GeneralSecurityException | RuntimeException e) {
                // An algorithm BouncyCastle does not take this way: judge it as any other key.
            }
        }
        return verifyWithJdkFirst(child, key.key());
    }

    private static boolean verifyWithJdkFirst(X509Certificate child, PublicKey key) {
        try {
            child.verify(key);
            return true;
        } catch (SignatureException | InvalidKeyException e) {
            // Wrong key or a malformed signature: not this issuer.
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK lacks the algorithm or curve (e.g. brainpool); BouncyCastle may have it.
            try {
                child.verify(key, BouncyCastle.PROVIDER);
                return true;
            } catch (GeneralSecurityException | RuntimeException unsupported) {
                return false;
            }
        }
    }

    private static PreparedKey prepare(X509Certificate issuer) {
        PublicKey key = issuer.getPublicKey();
        if (key instanceof ECPublicKey && SHARED_CURVES.contains(namedCurve(key))) {
            try {
                return new PreparedKey(key, KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                        .generatePublic(new X509EncodedKeySpec(key.getEncoded())));
            } catch (GeneralSecurityException | RuntimeException e) {
                // BouncyCastle cannot take this key: the JDK judges it.
            }
        }
        return new PreparedKey(key, null);
    }

    private static ASN1ObjectIdentifier namedCurve(PublicKey key) {
        try {
            var parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
            return parameters instanceof ASN1ObjectIdentifier oid ? oid : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Created on first use: building the provider costs start-up time an RSA-only audit never needs. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
