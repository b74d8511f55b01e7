package io.certaudit.model;

import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Decodes one certificate as the JDK's X.509 {@link CertificateFactory} does, without the factory's cache.
 *
 * <p>The JDK's factory ({@code sun.security.provider.X509Factory}) keeps the last 750 certificates it decoded in a
 * static cache, shared by every factory instance, behind a lock. An audit keeps only the encoding and the facts of
 * each certificate, so those fully decoded objects live on only in that cache: 750 of them outlive every young
 * collection, are copied by each and then fill the old generation. The factory reads one block of its input (the
 * first BER element, or PEM text) and then calls the public constructor {@code sun.security.x509.X509CertImpl(byte[])}
 * on exactly that block. When the input is one DER SEQUENCE with a definite length that ends where the input ends
 * (every well-formed certificate), the block is the whole input, so calling that constructor directly accepts and
 * rejects exactly what the factory does, with the same exceptions. Everything else (bytes after the element, an
 * indefinite or truncated length, PEM text, a package not exported to certaudit) goes through the factory, as before.
 *
 * <p>{@code sun.security.x509} is not exported: the jar's manifest exports it to certaudit ({@code Add-Exports}),
 * and the tests' JVMs are given the same export. Without it every certificate goes through the factory.
 */
final class X509Decoding {

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    });

    /** {@code X509CertImpl(byte[])} typed as returning {@link X509Certificate}, or null when not accessible. */
    private static final MethodHandle DIRECT = directConstructor();

    private X509Decoding() {
    }

    /** Whether certificates are decoded without the factory (the JDK's package is exported to certaudit). */
    static boolean direct() {
        return DIRECT != null;
    }

    /** The certificate {@code encoded} holds, as {@code CertificateFactory.generateCertificate} decodes it. */
    static X509Certificate decode(byte[] encoded) throws CertificateException {
        if (DIRECT != null && isOneDefiniteLengthSequence(encoded)) {
            try {
                return (X509Certificate) DIRECT.invokeExact(encoded);
            } catch (CertificateException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new CertificateException(e);
            }
        }
        return viaFactory(encoded);
    }

    /** The certificate as the JDK's factory decodes it (its cache included). */
    static X509Certificate viaFactory(byte[] encoded) throws CertificateException {
        return (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(encoded));
    }

    /**
     * Whether {@code b} is a SEQUENCE tag, a definite length in one of the forms the factory's reader takes (short,
     * or long with one to four length bytes, the four-byte form below 2^31) and exactly that many bytes after it: then
     * the factory's block is {@code b} itself.
     */
    static boolean isOneDefiniteLengthSequence(byte[] b) {
        if (b.length < 2 || (b[0] & 0xff) != 0x30) {
            return false;
        }
        int n = b[1] & 0xff;
        if (n < 0x80) {
            return b.length == 2 + n;
        }
        int lengthBytes = n - 0x80;
        if (lengthBytes < 1 || lengthBytes > 4 || b.length < 2 + lengthBytes) {
            return false;
        }
        if (lengthBytes == 4 && (b[2] & 0xff) > 127) {
            return false;
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (b[2 + i] & 0xff);
        }
        return b.length == 2L + lengthBytes + length;
    }

    private static MethodHandle directConstructor() {
        try {
            Class<?> impl = Class.forName("sun.security.x509.X509CertImpl", false,
                    ClassLoader.getPlatformClassLoader());
            if (!Object.class.getModule().isExported("sun.security.x509", X509Decoding.class.getModule())) {
                return null;
            }
            return MethodHandles.lookup()
                    .findConstructor(impl, MethodType.methodType(void.class, byte[].class))
                    .asType(MethodType.methodType(X509Certificate.class, byte[].class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
