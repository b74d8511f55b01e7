package io.certaudit.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
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
import org.jspecify.annotations.Nullable;

import io.certaudit.model.CertificateSignature;

/**
 * Verifies signatures in Java: the engine that judges every signature, and the only one where no native engine
 * loads. ECDSA with SHA-1 or SHA-2 under a named-curve key goes to BouncyCastle's ECDSA: on P-256, P-384 and P-521,
 * which the JDK verifies too, it is several times faster than the JDK 17 implementation, and on the curves the JDK
 * no longer has (brainpool, secp256k1) it is the only verifier. The issuer's key, converted once, keeps the multiples
 * of the issuer's point BouncyCastle precomputes between the certificates that issuer signed, and the lightweight
 * API does what BouncyCastle's provider would (the same digest, the same strict DER decoding of the signature, the
 * same ECDSA) without the provider's start-up, a quarter of a second spent registering some 1,600 algorithms.
 * Everything else goes to the JDK (as {@code X509Certificate.verify} would), and to BouncyCastle's provider when
 * the JDK lacks the algorithm or cannot use the key.
 */
public final class JavaSignatureEngine implements SignatureEngine {

    /** The name the report gives this engine. */
    public static final String NAME = "Java (JDK and BouncyCastle)";

    /** The digest of each ECDSA signature algorithm taken by the lightweight path, by signature algorithm OID. */
    private static final Map<String, Supplier<Digest>> ECDSA_DIGESTS = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA1.getId(), DigestFactory::createSHA1,
            X9ObjectIdentifiers.ecdsa_with_SHA224.getId(), DigestFactory::createSHA224,
            X9ObjectIdentifiers.ecdsa_with_SHA256.getId(), DigestFactory::createSHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384.getId(), DigestFactory::createSHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512.getId(), DigestFactory::createSHA512);

    private static final String RSASSA_PSS = PKCSObjectIdentifiers.id_RSASSA_PSS.getId();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public @Nullable String unavailableReason() {
        return null;
    }

    @Override
    public PreparedKey prepare(PublicKey key) {
        ECPublicKeyParameters ecdsa = null;
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                    && info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier) {
                AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(info);
                if (parameters instanceof ECPublicKeyParameters ec) {
                    ecdsa = ec;
                }
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle cannot take this key (an unknown curve, a point off the curve): the JDK judges it.
        }
        ECPublicKeyParameters quick = ecdsa;
        return signature -> {
            Supplier<Digest> digest = quick == null ? null : ECDSA_DIGESTS.get(signature.algorithmOid());
            boolean valid = quick != null && digest != null ? verifiesEcdsa(signature, quick, digest.get())
                    : verifiesWithJdkFirst(signature, key);
            return valid ? Verdict.VALID : Verdict.INVALID;
        };
    }

    private static boolean verifiesEcdsa(CertificateSignature signature, ECPublicKeyParameters key, Digest digest) {
        try {
            byte[] signed = signature.signed();
            digest.update(signed, 0, signed.length);
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature.value());
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(hash, rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            // A signature that is not one DER SEQUENCE of two INTEGERs, or out of range: not this issuer's.
            return false;
        }
    }

    private static boolean verifiesWithJdkFirst(CertificateSignature signature, PublicKey key) {
        try {
            return verifies(signature, key, null);
        } catch (SignatureException e) {
            // The signature does not verify, or is malformed: not this issuer.
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK lacks the algorithm, or cannot use the key (a curve it no longer has, which it keeps as a bare
            // X.509 key): BouncyCastle may judge it; a key of the wrong kind fails there too.
            try {
                return verifies(signature, key, BouncyCastle.PROVIDER);
            } catch (GeneralSecurityException | RuntimeException unsupported) {
                return false;
            }
        }
    }

    /** What {@code X509Certificate.verify} does: the algorithm by its OID, RSASSA-PSS with the certificate's parameters. */
    private static boolean verifies(CertificateSignature signature, PublicKey key, @Nullable Provider provider)
            throws GeneralSecurityException {
        Signature verifier = provider == null ? Signature.getInstance(signature.algorithmOid())
                : Signature.getInstance(signature.algorithmOid(), provider);
        if (RSASSA_PSS.equals(signature.algorithmOid())) {
            if (signature.algorithmParameters() == null) {
                throw new SignatureException("RSASSA-PSS without parameters");
            }
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            try {
                parameters.init(signature.algorithmParameters());
            } catch (IOException e) {
                throw new SignatureException("malformed RSASSA-PSS parameters", e);
            }
            verifier.setParameter(parameters.getParameterSpec(PSSParameterSpec.class));
        }
        verifier.initVerify(key);
        verifier.update(signature.signed());
        return verifier.verify(signature.value());
    }

    /** Created on first use: building the provider costs start-up time most audits never need. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
