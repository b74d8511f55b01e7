package io.certaudit.agent.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

/**
 * Key pairing: whether a Personal certificate's private key is with it, in the same PEM file or in {@code name.key}
 * beside {@code name.crt}, and whether that key matches the certificate. Keys are compared, never kept.
 */
final class KeyPairing {

    private final SourceRoot boundary;
    private final BoundedSnapshot snapshot;
    private final long maxFileBytes;

    /**
     * @param boundary     where the source ends: a key file leading out of it is reported, not read
     * @param snapshot     where such a key file is reported
     * @param maxFileBytes the largest key file read
     */
    KeyPairing(SourceRoot boundary, BoundedSnapshot snapshot, long maxFileBytes) {
        this.boundary = boundary;
        this.snapshot = snapshot;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * For Personal certificates: looks for {@code name.key} beside {@code name.crt}. A key file that leads out of
     * the source is not read: the certificate has no key, and the link is a problem naming it.
     */
    StoredCertificate withSiblingKey(StoredCertificate certificate, Path file) {
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
        Optional<String> escape = boundary.escape(keyFile);
        if (escape.isPresent()) {
            snapshot.problem(certificate.store(), keyFile.toString(), "the key file " + escape.get()
                    + "; not read");
            return certificate.withPrivateKey(PrivateKeyFacts.absent("key file " + keyFile.getFileName()
                    + " leads outside the source folder; not read"));
        }
        return certificate.withPrivateKey(readKeyFile(certificate, keyFile));
    }

    private PrivateKeyFacts readKeyFile(StoredCertificate certificate, Path keyFile) {
        byte[] content;
        try {
            content = BoundedFile.readAtMost(keyFile, maxFileBytes);
        } catch (IOException e) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " cannot be read (" + Failures.describe(e)
                    + ")");
        }
        if (content == null) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " is too large to be a key");
        }
        List<PrivateKey> keys = new ArrayList<>();
        boolean encrypted = false;
        GuardedPemParser parser = new GuardedPemParser(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII));
        try (parser) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair pair) {
                    keys.add(privateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(privateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encrypted = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " cannot be read (" + parser.damage(e)
                    + ")");
        }
        if (keys.isEmpty() && !encrypted) {
            return PrivateKeyFacts.absent("key file " + keyFile.getFileName() + " holds no private key");
        }
        return keyInSameFile(certificate, keys, encrypted, keyFile);
    }

    static PrivateKeyFacts keyInSameFile(StoredCertificate certificate, List<PrivateKey> keys,
                                                 boolean encryptedKey, Path file) {
        boolean uncheckable = false;
        for (PrivateKey key : keys) {
            KeyMatcher.Verdict verdict = KeyMatcher.check(key, certificate.certificate().getPublicKey());
            if (verdict == KeyMatcher.Verdict.MATCHES) {
                return PrivateKeyFacts.inFile(file.toString(), "the private key in " + file.getFileName()
                        + " matches the certificate");
            }
            uncheckable |= verdict == KeyMatcher.Verdict.CANNOT_CHECK;
        }
        if (uncheckable) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN,
                    file.toString(), null, "whether the private key in " + file.getFileName()
                    + " matches the certificate cannot be checked: the key or the certificate's key is of a kind "
                    + "the audit cannot decode");
        }
        if (encryptedKey && keys.isEmpty()) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null,
                    Tristate.UNKNOWN, file.toString(), null, "the private key in " + file.getFileName()
                    + " is encrypted; whether it matches cannot be checked without its passphrase");
        }
        return PrivateKeyFacts.absent("the private key in " + file.getFileName() + " does not match the certificate");
    }

    /**
     * The JDK's key for a decoded PEM key; BouncyCastle's when the JDK lacks the algorithm or curve (secp256k1,
     * brainpool), so the key is still compared rather than reported unreadable.
     */
    static PrivateKey privateKey(PrivateKeyInfo info) throws PEMException {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException | RuntimeException jdkLacksIt) {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        }
    }

    /** Created on first use: most audits never need BouncyCastle's provider and its start-up cost. */
    private static final class BouncyCastle {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }
}
