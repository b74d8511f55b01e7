package io.certaudit.agent.source;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Tells whether a private key belongs to a certificate by deriving the public key from the private one and comparing
 * it with the certificate's. BouncyCastle's lightweight key classes decode both from their standard encodings, so
 * every curve (secp256k1, brainpool, which the JDK 17 no longer has) and RSASSA-PSS keys are judged like RSA and
 * P-256 ones, and nothing depends on which signature algorithms the JDK offers. A pair BouncyCastle cannot decode
 * is {@link Verdict#CANNOT_CHECK}, never "does not match".
 */
final class KeyMatcher {

    /** Whether the key belongs to the certificate, does not, or cannot be told. */
    enum Verdict { MATCHES, DIFFERS, CANNOT_CHECK }

    /**
     * Moduli and fields larger than any key Windows uses are not computed with: a hostile key file could otherwise
     * make the derivation cost minutes.
     */
    private static final int MAX_BITS = 16_384;
    /** The largest standard curve field is 571 bits; an explicit curve beyond this is not multiplied on. */
    private static final int MAX_EC_FIELD_BITS = 1_024;

    private KeyMatcher() {
    }

    /** Whether {@code key} is the private half of {@code certificateKey}. */
    static Verdict check(PrivateKey key, PublicKey certificateKey) {
        Verdict rsaPair = rsa(key, certificateKey);
        if (rsaPair != null) {
            return rsaPair;
        }
        AsymmetricKeyParameter privateKey;
        AsymmetricKeyParameter publicKey;
        try {
            privateKey = PrivateKeyFactory.createKey(key.getEncoded());
            publicKey = PublicKeyFactory.createKey(certificateKey.getEncoded());
        } catch (IOException | RuntimeException e) {
            return Verdict.CANNOT_CHECK;
        }
        try {
            if (privateKey instanceof RSAKeyParameters rsa && publicKey instanceof RSAKeyParameters expected) {
                boolean exponent = !(rsa instanceof RSAPrivateCrtKeyParameters crt)
                        || crt.getPublicExponent().equals(expected.getExponent());
                return of(exponent && rsa.getModulus().equals(expected.getModulus()));
            }
            if (privateKey instanceof ECPrivateKeyParameters ec
                    && publicKey instanceof ECPublicKeyParameters expected) {
                return ec(ec, expected);
            }
            if (privateKey instanceof DSAPrivateKeyParameters dsa
                    && publicKey instanceof DSAPublicKeyParameters expected) {
                return dsa(dsa, expected);
            }
            if (privateKey instanceof Ed25519PrivateKeyParameters ed
                    && publicKey instanceof Ed25519PublicKeyParameters expected) {
                return of(Arrays.equals(ed.generatePublicKey().getEncoded(), expected.getEncoded()));
            }
            if (privateKey instanceof Ed448PrivateKeyParameters ed
                    && publicKey instanceof Ed448PublicKeyParameters expected) {
                return of(Arrays.equals(ed.generatePublicKey().getEncoded(), expected.getEncoded()));
            }
        } catch (RuntimeException e) {
            return Verdict.CANNOT_CHECK;
        }
        // Two keys of different kinds (an RSA key beside an EC certificate) cannot be a pair.
        return known(privateKey) && known(publicKey) ? Verdict.DIFFERS : Verdict.CANNOT_CHECK;
    }

    /** The boolean form for callers that treat "cannot check" like "does not match". */
    static boolean matches(PrivateKey key, PublicKey certificateKey) {
        return check(key, certificateKey) == Verdict.MATCHES;
    }

    /**
     * An RSA (or RSASSA-PSS) pair, judged by comparing the modulus and public exponent the private key carries with
     * the certificate's, as Windows compares the public halves; {@code null} when either key is not RSA. The
     * structures are read directly rather than through BouncyCastle's lightweight key classes, which also run a
     * primality test on every modulus they are given: for a key beside a certificate that was most of the time of
     * a small audit, and it judges nothing Windows judges.
     */
    private static Verdict rsa(PrivateKey key, PublicKey certificateKey) {
        try {
            PrivateKeyInfo privateInfo = PrivateKeyInfo.getInstance(key.getEncoded());
            SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(certificateKey.getEncoded());
            if (privateInfo == null || publicInfo == null
                    || !isRsa(privateInfo.getPrivateKeyAlgorithm().getAlgorithm())
                    || !isRsa(publicInfo.getAlgorithm().getAlgorithm())) {
                return null;
            }
            RSAPrivateKey rsa = RSAPrivateKey.getInstance(privateInfo.parsePrivateKey());
            RSAPublicKey expected = RSAPublicKey.getInstance(publicInfo.parsePublicKey());
            if (rsa.getModulus().bitLength() > MAX_BITS || expected.getModulus().bitLength() > MAX_BITS) {
                return Verdict.CANNOT_CHECK;
            }
            // A private key without its CRT values is encoded with a public exponent of 0: only the modulus tells.
            boolean exponent = rsa.getPublicExponent().signum() == 0
                    || rsa.getPublicExponent().equals(expected.getPublicExponent());
            return of(exponent && rsa.getModulus().equals(expected.getModulus()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isRsa(ASN1ObjectIdentifier algorithm) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)
                || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm);
    }

    private static Verdict ec(ECPrivateKeyParameters key, ECPublicKeyParameters expected) {
        ECDomainParameters domain = key.getParameters();
        if (domain.getCurve().getFieldSize() > MAX_EC_FIELD_BITS) {
            return Verdict.CANNOT_CHECK;
        }
        if (!domain.getCurve().equals(expected.getParameters().getCurve())
                || !domain.getG().equals(expected.getParameters().getG())) {
            return Verdict.DIFFERS;
        }
        ECPoint derived = new FixedPointCombMultiplier().multiply(domain.getG(), key.getD()).normalize();
        return of(derived.equals(expected.getQ().normalize()));
    }

    private static Verdict dsa(DSAPrivateKeyParameters key, DSAPublicKeyParameters expected) {
        DSAParameters parameters = key.getParameters();
        if (parameters == null || parameters.getP().bitLength() > MAX_BITS) {
            return Verdict.CANNOT_CHECK;
        }
        if (!parameters.equals(expected.getParameters())) {
            return Verdict.DIFFERS;
        }
        BigInteger derived = parameters.getG().modPow(key.getX(), parameters.getP());
        return of(derived.equals(expected.getY()));
    }

    private static boolean known(AsymmetricKeyParameter key) {
        return key instanceof RSAKeyParameters || key instanceof ECPrivateKeyParameters
                || key instanceof ECPublicKeyParameters || key instanceof DSAPrivateKeyParameters
                || key instanceof DSAPublicKeyParameters || key instanceof Ed25519PrivateKeyParameters
                || key instanceof Ed25519PublicKeyParameters || key instanceof Ed448PrivateKeyParameters
                || key instanceof Ed448PublicKeyParameters;
    }

    private static Verdict of(boolean same) {
        return same ? Verdict.MATCHES : Verdict.DIFFERS;
    }
}
