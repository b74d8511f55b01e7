package io.certaudit.agent.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * PKCS#12 (PFX) files: opened only within a budget of password-derivation work
 * ({@link CertificateFileReader#PFX_ITERATION_BUDGET}), each certificate read with its chain and, for Personal, its
 * key compared with it.
 */
final class Pkcs12File {

    private Pkcs12File() {
    }

    /**
     * Reads a PKCS#12 file into the snapshot, its keys compared with their certificates.
     *
     * @param pfxPassword the password, or {@code null} to try an empty one; never logged or reported
     */
    static void read(StoreName store, String origin, byte[] content, char[] pfxPassword, BoundedSnapshot snapshot) {
        Optional<String> hostile = Asn1Guard.check(content);
        if (hostile.isPresent()) {
            snapshot.problem(store, origin, "cannot open the PFX: " + hostile.get());
            return;
        }
        char[] password = pfxPassword == null ? new char[0] : pfxPassword.clone();
        Pkcs12Cost cost = Pkcs12Cost.of(content);
        long work = password.length == 0 ? saturatedDouble(cost.iterations()) : cost.iterations();
        if (work > CertificateFileReader.PFX_ITERATION_BUDGET) {
            snapshot.problem(store, origin, "the PFX is not opened: deriving its keys from the password would take "
                    + work + " iterations (integrity check, encrypted parts and keys together), over the budget of "
                    + CertificateFileReader.PFX_ITERATION_BUDGET + " per file; files exported by Windows, OpenSSL or Java take a few "
                    + "thousand");
            return;
        }
        try {
            KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
            pkcs12.load(new ByteArrayInputStream(content), password);
            // Keys in encrypted containers were not counted: their derivation cost is unknown, so none is opened.
            boolean keysCounted = keyEntries(pkcs12) <= cost.visibleKeys();
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
                                ? keysCounted ? pkcs12KeyFacts(pkcs12, alias, password, certificate, origin)
                                : PrivateKeyFacts.unknown("the PFX keeps this certificate's key inside an "
                                + "encrypted part, where the cost of opening it cannot be checked first; not opened")
                                : PrivateKeyFacts.absent("the PFX holds this certificate without a key"));
                    }
                    if (!snapshot.add(certificate)) {
                        return;
                    }
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
                    : "cannot open the PFX: " + Failures.describe(e));
        } catch (GeneralSecurityException | UnreadableCertificateException | RuntimeException e) {
            snapshot.problem(store, origin, "cannot read the PFX: " + Failures.describe(e));
        } catch (StackOverflowError e) {
            // The guard sees only the PFX's clear layers; the JDK decrypts the rest and parses it recursively. The
            // stack is unwound by now and the parser kept no state, so the file is reported like any damaged one.
            snapshot.problem(store, origin, "cannot read the PFX: its encrypted contents are nested too deeply");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static long saturatedDouble(long value) {
        return value > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : value * 2;
    }

    private static int keyEntries(KeyStore pkcs12) throws GeneralSecurityException {
        int keys = 0;
        for (Enumeration<String> aliases = pkcs12.aliases(); aliases.hasMoreElements(); ) {
            if (pkcs12.isKeyEntry(aliases.nextElement())) {
                keys++;
            }
        }
        return keys;
    }

    private static PrivateKeyFacts pkcs12KeyFacts(KeyStore pkcs12, String alias, char[] password,
                                                  StoredCertificate certificate, String origin) {
        try {
            Key key = pkcs12.getKey(alias, password);
            KeyMatcher.Verdict verdict = key instanceof PrivateKey privateKey
                    ? KeyMatcher.check(privateKey, certificate.certificate().getPublicKey())
                    : KeyMatcher.Verdict.DIFFERS;
            if (verdict == KeyMatcher.Verdict.MATCHES) {
                return PrivateKeyFacts.inFile(origin, "the PFX holds the matching private key");
            }
            if (verdict == KeyMatcher.Verdict.CANNOT_CHECK) {
                return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN, origin,
                        null, "whether the private key in the PFX matches the certificate cannot be checked: the "
                        + "key is of a kind the audit cannot decode");
            }
            return PrivateKeyFacts.absent("the private key in the PFX does not match the certificate");
        } catch (NoSuchAlgorithmException e) {
            // The JDK lacks the key's algorithm or curve: the key is there, but cannot be compared.
            return new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.FILE, null, null, Tristate.UNKNOWN, origin, null,
                    "the private key in the PFX cannot be decoded by this Java runtime (" + Failures.describe(e)
                    + "), so whether it matches cannot be checked");
        } catch (GeneralSecurityException | RuntimeException e) {
            return PrivateKeyFacts.absent("the private key in the PFX cannot be opened (" + Failures.describe(e) + ")");
        }
    }
}
