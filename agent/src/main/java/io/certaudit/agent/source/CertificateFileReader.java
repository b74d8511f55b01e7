package io.certaudit.agent.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * Reads one certificate file of a folder source into the snapshot. PEM (one or many certificates, possibly with a
 * private key), DER, and PKCS#12 are recognised by content and extension. For Personal, a certificate's key is
 * present when the same PEM or PFX holds a matching key or {@code name.key} beside {@code name.crt} matches it;
 * a certificate file alone means no key. Whatever cannot be read becomes a problem naming the file; keys are never
 * kept, only the fact that they match.
 */
public final class CertificateFileReader {

    /** Files larger than this are not certificates a store would hold; they are reported, not read. */
    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final char[] pfxPassword;
    private final long maxFileBytes;

    /**
     * @param pfxPassword  the PKCS#12 password, or {@code null} to try an empty one; never logged or reported
     * @param maxFileBytes the largest file read
     */
    public CertificateFileReader(char[] pfxPassword, long maxFileBytes) {
        this.pfxPassword = pfxPassword == null ? null : pfxPassword.clone();
        this.maxFileBytes = maxFileBytes;
    }

    public static CertificateFileReader withDefaults() {
        return new CertificateFileReader(null, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Reads {@code file}, which belongs to {@code store}; {@code siblings} are the other files of the folder,
     * for {@code name.key} look-ups.
     */
    void read(StoreName store, Path file, List<Path> siblings, HostSnapshot.Builder snapshot) {
        String origin = file.toString();
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                snapshot.problem(store, origin, "file is " + size + " bytes, over the " + maxFileBytes
                        + "-byte limit for a certificate file; not read");
                return;
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            snapshot.problem(store, origin, "cannot read the file: " + e.getMessage());
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            readPkcs12(store, origin, content, snapshot);
        } else if (looksLikePem(content)) {
            readPem(store, file, content, snapshot);
        } else {
            readDer(store, file, content, snapshot);
        }
    }

    private static boolean looksLikePem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.ISO_8859_1)
                .contains("-----BEGIN ");
    }

    private void readDer(StoreName store, Path file, byte[] content, HostSnapshot.Builder snapshot) {
        try {
            StoredCertificate certificate = StoredCertificate.parse(store, content, file.toString());
            snapshot.add(withSiblingKey(certificate, file));
        } catch (UnreadableCertificateException e) {
            snapshot.problem(store, file.toString(), "neither PEM nor a DER certificate: " + e.getMessage());
        }
    }

    private void readPem(StoreName store, Path file, byte[] content, HostSnapshot.Builder snapshot) {
        List<StoredCertificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean encryptedKey = false;
        int index = 0;
        try (Reader text = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(text)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                index++;
                String origin = file + "#" + index;
                byte[] der = null;
                if (object instanceof X509CertificateHolder holder) {
                    der = holder.getEncoded();
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    der = trusted.getCertificateHolder().getEncoded();
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(new JcaPEMKeyConverter().getPrivateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encryptedKey = true;
                }
                if (der != null) {
                    try {
                        certificates.add(StoredCertificate.parse(store, der, origin));
                    } catch (UnreadableCertificateException e) {
                        snapshot.problem(store, origin, "PEM block " + index + " is not a certificate: "
                                + e.getMessage());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            snapshot.problem(store, file.toString(), "PEM block " + (index + 1) + " is damaged ("
                    + describe(e) + "); " + certificates.size() + " certificate(s) before it were read");
        }
        if (certificates.isEmpty() && keys.isEmpty() && !encryptedKey) {
            snapshot.problem(store, file.toString(), "the PEM file holds no certificate");
            return;
        }
        for (StoredCertificate read : certificates) {
            StoredCertificate certificate = read;
            if (store == StoreName.MY && (!keys.isEmpty() || encryptedKey)) {
                certificate = certificate.withPrivateKey(keyInSameFile(certificate, keys, encryptedKey, file));
            } else {
                certificate = withSiblingKey(certificate, file);
            }
            snapshot.add(certificate);
        }
    }

    private static PrivateKeyFacts keyInSameFile(StoredCertificate certificate, List<PrivateKey> keys,
                                                 boolean encryptedKey, Path file) {
        for (PrivateKey key : keys) {
            if (KeyMatcher.matches(key, certificate.certificate().getPublicKey())) {
                return PrivateKeyFacts.inFile(file.toString(), "the private key in " + file.getFileName()
                        + " matches the certificate");
            }
        }
        if (encryptedKey && keys.isEmpty()) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null,
                    Tristate.UNKNOWN, file.toString(), null, "the private key in " + file.getFileName()
                    + " is encrypted; whether it matches cannot be checked without its passphrase");
        }
        return PrivateKeyFacts.absent("the private key in " + file.getFileName() + " does not match the certificate");
    }

    /** For Personal certificates: looks for {@code name.key} beside {@code name.crt}. */
    private StoredCertificate withSiblingKey(StoredCertificate certificate, Path file) {
        if (certificate.store() != StoreName.MY) {
            return certificate;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path keyFile = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".key");
        if (!Files.isRegularFile(keyFile)) {
            return certificate.withPrivateKey(PrivateKeyFacts.absent("certificate file " + file.getFileName()
                    + " has no private key with it (no key in the file, no " + keyFile.getFileName() + ")"));
        }
        return certificate.withPrivateKey(readKeyFile(certificate, keyFile));
    }

    private PrivateKeyFacts readKeyFile(StoredCertificate certificate, Path keyFile) {
        try {
            if (Files.size(keyFile) > maxFileBytes) {
                return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " is too large to be a key");
            }
            List<PrivateKey> keys = new ArrayList<>();
            boolean encrypted = false;
            try (Reader text = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
                 PEMParser parser = new PEMParser(text)) {
                Object object;
                while ((object = parser.readObject()) != null) {
                    if (object instanceof PEMKeyPair pair) {
                        keys.add(new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo()));
                    } else if (object instanceof PrivateKeyInfo info) {
                        keys.add(new JcaPEMKeyConverter().getPrivateKey(info));
                    } else if (object instanceof PEMEncryptedKeyPair
                            || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                        encrypted = true;
                    }
                }
            }
            if (keys.isEmpty() && !encrypted) {
                return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " holds no private key");
            }
            return keyInSameFile(certificate, keys, encrypted, keyFile);
        } catch (IOException | RuntimeException e) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " cannot be read (" + describe(e)
                    + ")");
        }
    }

    private void readPkcs12(StoreName store, String origin, byte[] content, HostSnapshot.Builder snapshot) {
        char[] password = pfxPassword == null ? new char[0] : pfxPassword.clone();
        try {
            KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
            pkcs12.load(new ByteArrayInputStream(content), password);
            int read = 0;
            Enumeration<String> aliases = pkcs12.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                Certificate[] chain = pkcs12.isKeyEntry(alias) ? pkcs12.getCertificateChain(alias)
                        : new Certificate[] {pkcs12.getCertificate(alias)};
                if (chain == null || chain.length == 0 || chain[0] == null) {
                    continue;
                }
                for (int i = 0; i < chain.length; i++) {
                    String entryOrigin = origin + "#" + alias + (i == 0 ? "" : "/chain" + i);
                    StoredCertificate certificate = StoredCertificate.parse(store, chain[i].getEncoded(), entryOrigin)
                            .withFriendlyName(alias);
                    if (store == StoreName.MY) {
                        certificate = certificate.withPrivateKey(i == 0 && pkcs12.isKeyEntry(alias)
                                ? pkcs12KeyFacts(pkcs12, alias, password, certificate, origin)
                                : PrivateKeyFacts.absent("the PFX holds this certificate without a key"));
                    }
                    snapshot.add(certificate);
                    read++;
                }
            }
            if (read == 0) {
                snapshot.problem(store, origin, "the PFX holds no certificate");
            }
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            snapshot.problem(store, origin, wrongPassword
                    ? "cannot open the PFX: the password is wrong (give it with --pfx-password-env VARIABLE)"
                    : "cannot open the PFX: " + describe(e));
        } catch (GeneralSecurityException | UnreadableCertificateException | RuntimeException e) {
            snapshot.problem(store, origin, "cannot read the PFX: " + describe(e));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static PrivateKeyFacts pkcs12KeyFacts(KeyStore pkcs12, String alias, char[] password,
                                                  StoredCertificate certificate, String origin) {
        try {
            Key key = pkcs12.getKey(alias, password);
            if (key instanceof PrivateKey privateKey
                    && KeyMatcher.matches(privateKey, certificate.certificate().getPublicKey())) {
                return PrivateKeyFacts.inFile(origin, "the PFX holds the matching private key");
            }
            return PrivateKeyFacts.absent("the private key in the PFX does not match the certificate");
        } catch (GeneralSecurityException | RuntimeException e) {
            return PrivateKeyFacts.absent("the private key in the PFX cannot be opened (" + describe(e) + ")");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
