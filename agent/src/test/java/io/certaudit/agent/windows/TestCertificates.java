package io.certaudit.agent.windows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for each test run: a root, an intermediate and a server certificate, valid around now. */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
    private static final KeyPair KEYS = keyPair();

    final byte[] root;
    final byte[] intermediate;
    final byte[] leaf;

    TestCertificates(String hostName) {
        this.root = issue("CN=Test Root", "CN=Test Root", true);
        this.intermediate = issue("CN=Test Intermediate", "CN=Test Root", true);
        this.leaf = issue("CN=" + hostName, "CN=Test Intermediate", false);
    }

    /** A certificate with its own key pair, e.g. for a store test that also needs the private key. */
    static byte[] selfSigned(String subject, KeyPair keys) {
        return build(subject, subject, false, keys.getPublic(), keys.getPrivate());
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] issue(String subject, String issuer, boolean ca) {
        return build(subject, issuer, ca, KEYS.getPublic(), KEYS.getPrivate());
    }

    private static byte[] build(String subject, String issuer, boolean ca, PublicKey key, PrivateKey signer) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)).getEncoded();
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
