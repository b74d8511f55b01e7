package io.certaudit.agent.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/** PEM files: certificates, PKCS#7 blocks and private keys as text, each block guarded before it is decoded. */
final class PemFile {

    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    private PemFile() {
    }

    /** Whether a PEM header appears anywhere: the JDK's decoder would find one past any prefix too. */
    static boolean looksLikePem(byte[] content) {
        outer:
        for (int i = 0; i + PEM_BEGIN.length <= content.length; i++) {
            for (int j = 0; j < PEM_BEGIN.length; j++) {
                if (content[i + j] != PEM_BEGIN[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Reads a PEM file into the snapshot: plain certificate blocks by the fast decoder, anything else (keys, PKCS#7
     * blocks, damage) by the guarded parser; for Personal, a key in the same file is compared with each certificate.
     */
    static void read(StoreName store, Path file, byte[] content, KeyPairing siblingKeys, BoundedSnapshot snapshot) {
        List<StoredCertificate> plain = plainCertificates(store, file, content, snapshot.room() + 1);
        if (plain != null) {
            addPemCertificates(store, file, plain, List.of(), false, siblingKeys, snapshot);
            return;
        }
        List<StoredCertificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean encryptedKey = false;
        int index = 0;
        GuardedPemParser parser = new GuardedPemParser(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII));
        try (parser) {
            Object object;
            while (!snapshot.full() && certificates.size() <= snapshot.room()
                    && (object = parser.readObject()) != null) {
                index++;
                byte[] der = null;
                if (object instanceof ContentInfo bundle) {
                    addBundleBlock(store, file, index, bundle, certificates, snapshot);
                } else if (object instanceof X509CertificateHolder holder) {
                    der = holder.getEncoded();
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    der = trusted.getCertificateHolder().getEncoded();
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(KeyPairing.privateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(KeyPairing.privateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encryptedKey = true;
                }
                if (der != null) {
                    parseBlock(store, file, index, der, certificates, snapshot);
                }
            }
        } catch (IOException | RuntimeException e) {
            snapshot.problem(store, file.toString(), "PEM block " + (index + 1) + " is damaged ("
                    + parser.damage(e) + "); " + certificates.size() + " certificate(s) before it were read");
        }
        addPemCertificates(store, file, certificates, keys, encryptedKey, siblingKeys, snapshot);
    }

    /** The certificates of a PKCS7 block, as {@code file#block.n}. */
    private static void addBundleBlock(StoreName store, Path file, int index, ContentInfo block,
                                       List<StoredCertificate> certificates, BoundedSnapshot snapshot)
            throws IOException {
        Optional<Pkcs7Bundle> bundle = Pkcs7Bundle.read(block.getEncoded(),
                Math.max(1, snapshot.room() + 1 - certificates.size()));
        if (bundle.isEmpty()) {
            snapshot.problem(store, file + "#" + index, "PEM block " + index + " is not a PKCS#7 certificate "
                    + "bundle (it is CMS content of another type)");
            return;
        }
        List<byte[]> encoded = bundle.get().certificates();
        for (int n = 1; n <= encoded.size(); n++) {
            String origin = file + "#" + index + "." + n;
            try {
                certificates.add(StoredCertificate.parse(store, encoded.get(n - 1), origin));
            } catch (UnreadableCertificateException e) {
                snapshot.problem(store, origin, "certificate " + n + " of the PKCS#7 bundle in PEM block " + index
                        + " cannot be read: " + e.getMessage());
            }
        }
    }

    /**
     * The certificates of a file of plain certificate blocks ({@link PlainCertificatePem}), or {@code null} when it
     * is not one or a block does not decode: the PEM parser then reads the file and words what is wrong.
     */
    private static List<StoredCertificate> plainCertificates(StoreName store, Path file, byte[] content, int max) {
        List<byte[]> blocks = PlainCertificatePem.decode(content);
        if (blocks == null) {
            return null;
        }
        // Only what the entry limit can still take is parsed: decoding a block is cheap, parsing it is not.
        int parsed = Math.min(blocks.size(), Math.max(1, max));
        List<StoredCertificate> certificates = new ArrayList<>(parsed);
        for (int index = 1; index <= parsed; index++) {
            try {
                certificates.add(StoredCertificate.parse(store, blocks.get(index - 1), file + "#" + index));
            } catch (UnreadableCertificateException e) {
                return null;
            }
        }
        return certificates;
    }

    /** Parses the certificate of PEM block {@code index} (from 1) into {@code certificates}, or records why not. */
    private static void parseBlock(StoreName store, Path file, int index, byte[] der,
                                   List<StoredCertificate> certificates, BoundedSnapshot snapshot) {
        String origin = file + "#" + index;
        try {
            certificates.add(StoredCertificate.parse(store, der, origin));
        } catch (UnreadableCertificateException e) {
            snapshot.problem(store, origin, "PEM block " + index + " is not a certificate: " + e.getMessage());
        }
    }

    private static void addPemCertificates(StoreName store, Path file, List<StoredCertificate> certificates,
                                    List<PrivateKey> keys, boolean encryptedKey, KeyPairing siblingKeys,
                                    BoundedSnapshot snapshot) {
        if (certificates.isEmpty() && keys.isEmpty() && !encryptedKey) {
            snapshot.problem(store, file.toString(), "the PEM file holds no certificate");
            return;
        }
        for (StoredCertificate read : certificates) {
            StoredCertificate certificate = read;
            if (store == StoreName.MY && (!keys.isEmpty() || encryptedKey)) {
                certificate = certificate.withPrivateKey(KeyPairing.keyInSameFile(certificate, keys, encryptedKey, file));
            } else {
                certificate = siblingKeys.withSiblingKey(certificate, file);
            }
            if (!snapshot.add(certificate)) {
                return;
            }
        }
    }
}
