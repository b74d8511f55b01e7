package io.certaudit.agent.crypto;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.certaudit.model.CertificateSignature;
import io.certaudit.chain.SignatureEngine;

/**
 * Verifies RSA (PKCS#1 v1.5 and PSS, SHA-1 and SHA-2) and ECDSA (P-256, P-384, P-521) signatures in BoringSSL,
 * through Conscrypt's JCA provider: five to ten times faster than the same arithmetic in Java on a JVM that has not
 * compiled it with C2, which one short audit never does. Anything else (brainpool and other curves, DSA, MD5, a
 * key BoringSSL refuses) is answered {@link Verdict#UNSUPPORTED} and verified in Java, as is every signature where
 * the native library is not installed (Windows on ARM, a build without it) or {@value #DISABLE_PROPERTY} is
 * {@code false}. A failure inside BoringSSL is not taken as a verdict either: Java judges that signature.
 *
 * <p>The native library is loaded from certaudit's own folder only, never copied out of the jar (see
 * {@link NativeLibraryClassLoader}).
 */
public final class ConscryptSignatureEngine implements SignatureEngine {

    /** {@code -Dcertaudit.nativeCrypto=false} verifies everything in Java (to compare engines). */
    public static final String DISABLE_PROPERTY = "certaudit.nativeCrypto";

    private static final String RSA = "1.2.840.113549.1.1.";
    private static final String ECDSA = "1.2.840.10045.4.";
    private static final String RSASSA_PSS = RSA + "10";

    /** Conscrypt's algorithm name for each signature algorithm OID it verifies (PSS is named by its digest). */
    private static final Map<String, String> ALGORITHMS = Map.of(
            RSA + "5", "SHA1withRSA",
            RSA + "14", "SHA224withRSA",
            RSA + "11", "SHA256withRSA",
            RSA + "12", "SHA384withRSA",
            RSA + "13", "SHA512withRSA",
            ECDSA + "1", "SHA1withECDSA",
            ECDSA + "3.1", "SHA224withECDSA",
            ECDSA + "3.2", "SHA256withECDSA",
            ECDSA + "3.3", "SHA384withECDSA",
            ECDSA + "3.4", "SHA512withECDSA");

    private static final Map<String, String> PSS_BY_DIGEST = Map.of(
            "SHA-1", "SHA1withRSA/PSS",
            "SHA-224", "SHA224withRSA/PSS",
            "SHA-256", "SHA256withRSA/PSS",
            "SHA-384", "SHA384withRSA/PSS",
            "SHA-512", "SHA512withRSA/PSS");

    @Override
    public String name() {
        return Native.NAME;
    }

    @Override
    public String unavailableReason() {
        return Native.FAILURE;
    }

    @Override
    public PreparedKey prepare(PublicKey key) {
        if (Native.FAILURE != null) {
            return null;
        }
        PublicKey converted;
        try {
            String kind = switch (key.getAlgorithm()) {
                case "RSA" -> "RSA";
                case "EC" -> "EC";
                default -> null;
            };
            if (kind == null) {
                return null;
            }
            converted = KeyFactory.getInstance(kind, Native.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // A curve BoringSSL does not have (brainpool), or a key it refuses: Java judges.
            return null;
        }
        return signature -> verify(converted, signature);
    }

    private static Verdict verify(PublicKey key, CertificateSignature signature) {
        try {
            Signature verifier;
            if (RSASSA_PSS.equals(signature.algorithmOid())) {
                PSSParameterSpec pss = pssParameters(signature.algorithmParameters());
                String algorithm = pss == null ? null : PSS_BY_DIGEST.get(pss.getDigestAlgorithm());
                if (algorithm == null) {
                    return Verdict.UNSUPPORTED;
                }
                verifier = Signature.getInstance(algorithm, Native.PROVIDER);
                verifier.setParameter(pss);
            } else {
                String algorithm = ALGORITHMS.get(signature.algorithmOid());
                if (algorithm == null) {
                    return Verdict.UNSUPPORTED;
                }
                verifier = Signature.getInstance(algorithm, Native.PROVIDER);
            }
            verifier.initVerify(key);
            verifier.update(signature.signed());
            return verifier.verify(signature.value()) ? Verdict.VALID : Verdict.INVALID;
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verdict.UNSUPPORTED;
        }
    }

    /** The PSS parameters as the JDK reads them, when they name MGF1; else {@code null} (Java judges). */
    private static PSSParameterSpec pssParameters(byte[] encoded) throws GeneralSecurityException {
        if (encoded == null) {
            return null;
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
        try {
            parameters.init(encoded);
        } catch (IOException e) {
            return null;
        }
        PSSParameterSpec spec = parameters.getParameterSpec(PSSParameterSpec.class);
        return spec.getMGFParameters() instanceof MGF1ParameterSpec && spec.getTrailerField() == 1 ? spec : null;
    }

    /** Conscrypt's provider, loaded once per process on first use, or why it could not be. */
    private static final class Native {
        static final Provider PROVIDER;
        static final String FAILURE;
        static final String NAME;

        static {
            Provider provider = null;
            String failure = null;
            String name = "BoringSSL (Conscrypt)";
            if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
                failure = "turned off with -D" + DISABLE_PROPERTY + "=false";
            } else {
                try {
                    ClassLoader loader = new NativeLibraryClassLoader(ConscryptSignatureEngine.class.getClassLoader(),
                            "org.conscrypt.", libraryFolders());
                    Class<?> conscrypt = Class.forName("org.conscrypt.Conscrypt", true, loader);
                    conscrypt.getMethod("checkAvailability").invoke(null);
                    provider = (Provider) conscrypt.getMethod("newProvider").invoke(null);
                    Object version = conscrypt.getMethod("version").invoke(null);
                    Class<?> type = version.getClass();
                    name = "BoringSSL (Conscrypt " + type.getMethod("major").invoke(version) + "."
                            + type.getMethod("minor").invoke(version) + "." + type.getMethod("patch").invoke(version)
                            + ")";
                } catch (InvocationTargetException e) {
                    failure = reason(e.getCause());
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    failure = reason(e);
                }
            }
            PROVIDER = provider;
            FAILURE = failure;
            NAME = name;
        }

        private static String reason(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage();
            return "native library not loaded: "
                    + (message == null || message.isBlank() ? root.getClass().getSimpleName() : message);
        }
    }

    /**
     * The folders the native library may come from: the one holding certaudit's jar (the distribution's admin-only
     * {@code lib} folder) and its {@code lib} subfolder (a build's {@code target/lib}); for classes run from a
     * folder (tests), that folder's parent.
     */
    static List<Path> libraryFolders() {
        List<Path> folders = new ArrayList<>();
        try {
            Path codeSource = Path.of(ConscryptSignatureEngine.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toAbsolutePath();
            Path home = codeSource.getParent();
            if (home != null) {
                folders.add(home);
                folders.add(home.resolve("lib"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No file location (an unusual class loader): no folder, so no native library.
        }
        return folders.stream().filter(Files::isDirectory).toList();
    }
}
