package io.certaudit.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import io.certaudit.model.StoredCertificate;

/**
 * Verifies a certificate's signature with its issuer's public key. ECDSA with SHA-1 or SHA-2 under a named-curve key
 * goes to BouncyCastle's ECDSA: on P-256, P-384 and P-521, which the JDK verifies too, it is several times faster than
 * the JDK 17 implementation, and on the curves the JDK no longer has (brainpool, secp256k1) it is the only verifier.
 * The issuer's key, converted once, keeps the multiples of the issuer's point BouncyCastle precomputes between the
 * certificates that issuer signed, and the lightweight API does what BouncyCastle's provider would (the same digest,
 * the same strict DER decoding of the signature, the same ECDSA) without the provider's start-up, a quarter of a
 * second spent registering some 1,600 algorithms. Everything else goes to the JDK, and to BouncyCastle's provider
 * when the JDK lacks the algorithm or cannot use the key.
 */
final class SignatureVerifier {

    /** The digest of each ECDSA signature algorithm taken by the lightweight path, by signature algorithm OID. */
    private static final Map<String, Supplier<Digest>> ECDSA_DIGESTS = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA1.getId(), DigestFactory::createSHA1,
            X9ObjectIdentifiers.ecdsa_with_SHA224.getId(), DigestFactory::createSHA224,
            X9ObjectIdentifiers.ecdsa_with_SHA256.getId(), DigestFactory::createSHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384.getId(), DigestFactory::createSHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512.getId(), DigestFactory::createSHA512);

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
     * An issuer's key as the JDK parsed it, as BouncyCastle's ECDSA parameters when it takes the quick path, and why
     * Windows could not use it, when it could not.
     */
    private record PreparedKey(PublicKey key, ECPublicKeyParameters ecdsa, String unusable) {
        PreparedKey(PublicKey key, ECPublicKeyParameters ecdsa) {
            this(key, ecdsa, null);
        }
    }

    private final Map<String, PreparedKey> prepared = new ConcurrentHashMap<>();

    /** Whether {@code issuer}'s key verifies {@code child}'s signature; a malformed signature does not. */
    boolean verifies(X509Certificate child, StoredCertificate issuer) {
        PreparedKey key = prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate()));
        if (key.unusable() != null) {
            return false;
        }
        Supplier<Digest> digest = key.ecdsa() == null ? null : ECDSA_DIGESTS.get(child.getSigAlgOID());
        if (digest != null) {
            return verifiesEcdsa(child, key.ecdsa(), digest.get());
        }
        return verifyWithJdkFirst(child, key.key());
    }

    /** Why {@code issuer}'s key cannot verify any signature (an absurd RSA key), or {@code null} when it can. */
    String unusableKey(StoredCertificate issuer) {
        return prepared.computeIfAbsent(issuer.thumbprint(), t -> prepare(issuer.certificate())).unusable();
    }

    private static boolean verifiesEcdsa(X509Certificate child, ECPublicKeyParameters key, Digest digest) {
        try {
            byte[] signed = child.getTBSCertificate();
            digest.update(signed, 0, signed.length);
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            BigInteger[] signature = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(),
                    child.getSignature());
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(hash, signature[0], signature[1]);
        } catch (CertificateEncodingException | IOException | RuntimeException e) {
            // A signature that is not one DER SEQUENCE of two INTEGERs, or out of range: not this issuer's.
            return false;
        }
    }

    private static boolean verifyWithJdkFirst(X509Certificate child, PublicKey key) {
        try {
            child.verify(key);
            return true;
        } catch (SignatureException e) {
            // The signature does not verify, or is malformed: not this issuer.
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK lacks the algorithm, or cannot use the key (a curve it no longer has, which it keeps as a bare
            // X.509 key): BouncyCastle may judge it; a key of the wrong kind fails there too.
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
        if (key instanceof RSAPublicKey rsa) {
            BigInteger exponent = rsa.getPublicExponent();
            if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS) {
                return new PreparedKey(key, null, "its RSA public exponent has " + exponent.bitLength()
                        + " bits; Windows takes at most " + MAX_RSA_EXPONENT_BITS);
            }
            if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
                return new PreparedKey(key, null, "its RSA public exponent " + exponent + " is not an odd number "
                        + "of at least 3");
            }
            if (rsa.getModulus().bitLength() > MAX_RSA_MODULUS_BITS) {
                return new PreparedKey(key, null, "its RSA modulus has " + rsa.getModulus().bitLength()
                        + " bits; Windows takes at most " + MAX_RSA_MODULUS_BITS);
            }
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                    && info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier) {
                AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(info);
                if (parameters instanceof ECPublicKeyParameters ecdsa) {
                    return new PreparedKey(key, ecdsa);
                }
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle cannot take this key (an unknown curve, a point off the curve): the JDK judges it.
        }
        return new PreparedKey(key, null);
    }

    /** Created on first use: building the provider costs start-up time most audits never need. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
