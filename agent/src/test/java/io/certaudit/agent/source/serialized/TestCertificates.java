package io.certaudit.agent.source.serialized;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.certaudit.model.StoredCertificate;

/** Self-signed certificates made for each test run, so no committed certificate bytes can expire. */
final class TestCertificates {

    private static final KeyPair KEYS = keys();

    private TestCertificates() {
    }

    /** The DER encoding of a fresh self-signed certificate for {@code CN=commonName}. */
    static byte[] der(String commonName) {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(commonName.hashCode() & 0x7FFFFFFFL), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, KEYS.getPublic());
        try {
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(KEYS.getPrivate())).getEncoded();
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uppercase SHA-1 thumbprint of {@code der}, as Windows names registry keys. */
    static String thumbprint(byte[] der) {
        return StoredCertificate.digest("SHA-1", der);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
