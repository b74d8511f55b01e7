package io.certaudit.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A few RSA 2048 and EC P-256 key pairs, alternating, that every synthetic certificate draws from: generating one
 * RSA key per certificate would make a 10,000-certificate host take minutes, and how many distinct keys a host
 * holds changes nothing for the audit, which verifies every signature anyway.
 */
final class KeyPool {

    /**
     * One pooled key pair with its key identifiers, computed once, and the private key as the provider that signs
     * with it fastest wants it: BouncyCastle signs ECDSA several times faster than the JDK 17 provider, and with its
     * own key object it keeps its precomputed multiples of the curve's generator between signatures.
     */
    record PooledKey(KeyPair pair, SubjectKeyIdentifier subjectKeyId, AuthorityKeyIdentifier authorityKeyId,
                     PrivateKey signingKey, Provider signingProvider) {
        String signatureAlgorithm() {
            return pair.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        }
    }

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final List<PooledKey> keys;

    /** {@code size} keys, half RSA 2048 and half EC P-256, RSA first. */
    KeyPool(int size) {
        this(size, false);
    }

    /** {@code size} keys: EC P-256 only when {@code ecOnly}, else half RSA 2048 and half EC P-256, RSA first. */
    KeyPool(int size, boolean ecOnly) {
        try {
            SecureRandom random = new SecureRandom();
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            List<PooledKey> generated = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                KeyPairGenerator generator;
                boolean ec = ecOnly || i % 2 == 1;
                if (!ec) {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048, random);
                } else {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                }
                KeyPair pair = generator.generateKeyPair();
                PrivateKey signingKey = pair.getPrivate();
                Provider signingProvider = null;
                if (ec) {
                    signingProvider = BOUNCY_CASTLE;
                    signingKey = KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                            .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
                }
                generated.add(new PooledKey(pair, utils.createSubjectKeyIdentifier(pair.getPublic()),
                        utils.createAuthorityKeyIdentifier(pair.getPublic()), signingKey, signingProvider));
            }
            this.keys = List.copyOf(generated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA 2048 or EC P-256 keys", e);
        }
    }

    /** The key for the {@code index}-th certificate of a kind, cycling through the pool. */
    PooledKey get(int index) {
        return keys.get(Math.floorMod(index, keys.size()));
    }
}
