package io.certaudit.agent.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

import io.certaudit.testing.TestPki.Issued;

/** Writes test certificates as a host folder: PEM, DER, key files and PFX, as an administrator would export them. */
public final class HostFolder {

    private final Path root;

    public HostFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** {@code store/name} with its folder created. */
    public Path file(String store, String name) {
        try {
            Path folder = Files.createDirectories(root.resolve(store));
            return folder.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PEM file holding the certificates, in order. */
    public Path pem(String store, String name, Issued... certificates) {
        StringBuilder text = new StringBuilder();
        for (Issued certificate : certificates) {
            text.append(pem("CERTIFICATE", certificate.der()));
        }
        return write(file(store, name), text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A PEM file holding the certificate and then its private key (PKCS#8). */
    public Path pemWithKey(String store, String name, Issued certificate, Issued keyOf) {
        String text = pem("CERTIFICATE", certificate.der()) + pem("PRIVATE KEY", keyOf.privateKey().getEncoded());
        return write(file(store, name), text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A key file in PKCS#8 PEM. */
    public Path key(String store, String name, Issued keyOf) {
        return write(file(store, name), pem("PRIVATE KEY", keyOf.privateKey().getEncoded())
                .getBytes(StandardCharsets.US_ASCII));
    }

    public Path der(String store, String name, Issued certificate) {
        return write(file(store, name), certificate.der());
    }

    /** A PKCS#12 file with the certificate, its key and the chain, protected by {@code password}. */
    public Path pfx(String store, String name, String password, Issued leaf, Issued... chain) {
        try {
            KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
            pkcs12.load(null, null);
            Certificate[] certificates = new Certificate[chain.length + 1];
            certificates[0] = x509(leaf);
            for (int i = 0; i < chain.length; i++) {
                certificates[i + 1] = x509(chain[i]);
            }
            pkcs12.setKeyEntry("service", leaf.privateKey(), password.toCharArray(), certificates);
            Path file = file(store, name);
            try (OutputStream out = Files.newOutputStream(file)) {
                pkcs12.store(out, password.toCharArray());
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Certificate x509(Issued issued) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(issued.der()));
    }

    public static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
