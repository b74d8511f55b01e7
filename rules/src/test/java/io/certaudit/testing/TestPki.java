package io.certaudit.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/**
 * Builds certificates for tests with BouncyCastle, relative to a fixed instant, so no test depends on bytes that
 * expire. Keys are cached per algorithm and size (generation dominates test time); pass {@link Spec#freshKey()} when
 * a test needs two certificates with the same name and different keys.
 *
 * <pre>{@code
 * TestPki pki = new TestPki();
 * Issued root = pki.root("Example Root");
 * Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
 * Issued leaf = pki.issue(ca, pki.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
 * }</pre>
 */
public final class TestPki {

    /** The instant tests evaluate at; certificates are valid around it unless a spec says otherwise. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Map<String, KeyPair> KEY_CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A certificate and its key. */
    public record Issued(X509CertificateHolder holder, byte[] der, KeyPair keys) {
        public StoredCertificate in(StoreName store) {
            try {
                return StoredCertificate.parse(store, der, "test:" + holder.getSubject());
            } catch (UnreadableCertificateException e) {
                throw new IllegalStateException(e);
            }
        }

        public PrivateKey privateKey() {
            return keys.getPrivate();
        }

        public PublicKey publicKey() {
            return keys.getPublic();
        }

        public X500Name subject() {
            return holder.getSubject();
        }
    }

    /** What to put in a certificate. Defaults: RSA 2048, SHA256withRSA, valid a year either side of NOW, CDP, both EKUs. */
    public static final class Spec {
        String subject;
        String keyAlgorithm = "RSA";
        int keySize = 2048;
        String curve;
        boolean freshKey;
        String signatureAlgorithm;
        Instant notBefore = NOW.minus(Duration.ofDays(365));
        Instant notAfter = NOW.plus(Duration.ofDays(365));
        boolean ca;
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        List<KeyPurposeId> ekus = new ArrayList<>(List.of(KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.id_kp_clientAuth));
        boolean noEku;
        boolean crlDistributionPoint = true;
        boolean keyIdentifiers = true;
        String issuerOverride;
        Integer pathLen;
        Integer keyUsageBits;
        boolean basicConstraintsAbsent;
        java.math.BigInteger rsaExponent;
        final List<Object[]> extensions = new ArrayList<>();

        Spec(String subject) {
            this.subject = subject;
        }

        /** A CA certificate: basicConstraints cA, keyCertSign, no EKU. */
        public Spec ca() {
            this.ca = true;
            this.noEku = true;
            return this;
        }

        public Spec rsa(int bits) {
            this.keyAlgorithm = "RSA";
            this.keySize = bits;
            return this;
        }

        /** An EC key on a named curve, e.g. {@code secp256r1}, {@code secp192r1}. */
        public Spec ec(String curveName) {
            this.keyAlgorithm = "EC";
            this.curve = curveName;
            return this;
        }

        /** A key generated for this certificate only, never shared through the cache. */
        public Spec freshKey() {
            this.freshKey = true;
            return this;
        }

        /** The JCA name of the issuer's signature, e.g. {@code SHA1withRSA}, {@code MD5withRSA}, {@code SHA256withRSAandMGF1}. */
        public Spec signedWith(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        public Spec valid(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        public Spec san(String... names) {
            this.dnsNames.addAll(List.of(names));
            return this;
        }

        /** SAN iPAddress entries, e.g. {@code 192.0.2.10}, as SBC certificates for peers known by address carry. */
        public Spec ipSan(String... addresses) {
            this.ipAddresses.addAll(List.of(addresses));
            return this;
        }

        public Spec eku(KeyPurposeId... purposes) {
            this.ekus = new ArrayList<>(List.of(purposes));
            this.noEku = false;
            return this;
        }

        /** No EKU extension at all: valid for every purpose. */
        public Spec noEku() {
            this.noEku = true;
            return this;
        }

        public Spec noCrlDistributionPoint() {
            this.crlDistributionPoint = false;
            return this;
        }

        /** Leaves out SKI and AKI, so issuers are matched by name only. */
        public Spec noKeyIdentifiers() {
            this.keyIdentifiers = false;
            return this;
        }

        /** A CA with this pathLenConstraint. */
        public Spec pathLen(int length) {
            this.pathLen = length;
            return this;
        }

        /** These keyUsage bits (BouncyCastle's {@code KeyUsage} constants) instead of the defaults. */
        public Spec keyUsage(int bits) {
            this.keyUsageBits = bits;
            return this;
        }

        /** No basicConstraints extension at all, as v1-era and some v3 certificates have. */
        public Spec noBasicConstraints() {
            this.basicConstraintsAbsent = true;
            return this;
        }

        /** Any other key algorithm the JDK generates, e.g. {@code DSA} 2048, {@code Ed25519}, {@code RSASSA-PSS}. */
        public Spec key(String algorithm, int size) {
            this.keyAlgorithm = algorithm;
            this.keySize = size;
            return this;
        }

        /** An RSA key with this public exponent (a fresh one). */
        public Spec rsaExponent(java.math.BigInteger exponent) {
            this.rsaExponent = exponent;
            this.freshKey = true;
            return this;
        }

        /** Adds an extension as given. */
        public Spec extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                              org.bouncycastle.asn1.ASN1Encodable value) {
            this.extensions.add(new Object[] {oid, critical, value});
            return this;
        }

        /** Adds an extension whose value is these bytes as they are, e.g. garbage that no decoder accepts. */
        public Spec rawExtension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
            this.extensions.add(new Object[] {oid, critical, value.clone()});
            return this;
        }

        /** Writes this issuer name instead of the signer's subject (a forged or broken certificate). */
        public Spec issuerName(String distinguishedName) {
            this.issuerOverride = distinguishedName;
            return this;
        }
    }

    /** A spec whose subject is {@code CN=name} when {@code name} has no '=', else the DN as given. */
    public Spec spec(String name) {
        return new Spec(name);
    }

    /** A self-signed CA. */
    public Issued root(String name) {
        return selfSigned(spec(name).ca());
    }

    public Issued selfSigned(Spec spec) {
        KeyPair keys = keys(spec);
        return build(spec, keys, null, keys.getPrivate(), keys.getPublic());
    }

    /** A certificate for {@code spec} signed by {@code issuer}. */
    public Issued issue(Issued issuer, Spec spec) {
        return build(spec, keys(spec), issuer.subject(), issuer.privateKey(), issuer.publicKey());
    }

    /** A second certificate for the same subject and key as {@code subjectOf}, signed by {@code issuer}: a cross-sign. */
    public Issued crossSign(Issued issuer, Issued subjectOf, Spec spec) {
        return build(spec, subjectOf.keys(), issuer.subject(), issuer.privateKey(), issuer.publicKey());
    }

    private static X500Name name(String text) {
        return new X500Name(text.contains("=") ? text : "CN=" + text);
    }

    private Issued build(Spec spec, KeyPair keys, X500Name issuer, PrivateKey signer, PublicKey signerPublic) {
        try {
            X500Name subject = name(spec.subject);
            X500Name issuerName = spec.issuerOverride != null ? name(spec.issuerOverride)
                    : issuer == null ? subject : issuer;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(spec.notBefore), Date.from(spec.notAfter),
                    subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            if (spec.keyIdentifiers) {
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(keys.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(signerPublic));
            }
            if (!spec.basicConstraintsAbsent) {
                builder.addExtension(Extension.basicConstraints, true, spec.ca && spec.pathLen != null
                        ? new BasicConstraints(spec.pathLen) : new BasicConstraints(spec.ca));
            }
            int usage = spec.keyUsageBits != null ? spec.keyUsageBits : spec.ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
            if (usage >= 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            }
            for (Object[] extension : spec.extensions) {
                if (extension[2] instanceof byte[] raw) {
                    builder.addExtension((org.bouncycastle.asn1.ASN1ObjectIdentifier) extension[0],
                            (Boolean) extension[1], raw);
                } else {
                    builder.addExtension((org.bouncycastle.asn1.ASN1ObjectIdentifier) extension[0],
                            (Boolean) extension[1], (org.bouncycastle.asn1.ASN1Encodable) extension[2]);
                }
            }
            if (!spec.dnsNames.isEmpty() || !spec.ipAddresses.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                spec.dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
                spec.ipAddresses.forEach(a -> names.add(new GeneralName(GeneralName.iPAddress, a)));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (!spec.noEku) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(spec.ekus.toArray(KeyPurposeId[]::new)));
            }
            if (spec.crlDistributionPoint && !(spec.ca && issuer == null)) {
                GeneralNames uri = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                        "http://pki.example.com/crl/" + SERIALS.get() + ".crl"));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                        new DistributionPoint[] {new DistributionPoint(new DistributionPointName(uri), null, null)}));
            }
            String algorithm = spec.signatureAlgorithm != null ? spec.signatureAlgorithm
                    : switch (signer.getAlgorithm()) {
                        case "EC", "ECDSA" -> "SHA256withECDSA";
                        case "DSA" -> "SHA256withDSA";
                        case "Ed25519", "EdDSA" -> "Ed25519";
                        case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
                        default -> "SHA256withRSA";
                    };
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signer);
            X509CertificateHolder holder = builder.build(contentSigner);
            return new Issued(holder, holder.getEncoded(), keys);
        } catch (Exception e) {
            throw new IllegalStateException("could not build test certificate " + spec.subject, e);
        }
    }

    private static KeyPair keys(Spec spec) {
        String cacheKey = spec.keyAlgorithm + ":" + (spec.curve != null ? spec.curve : spec.keySize);
        if (spec.freshKey) {
            return generate(spec);
        }
        return KEY_CACHE.computeIfAbsent(cacheKey + ":" + spec.subject, k -> generate(spec));
    }

    private static KeyPair generate(Spec spec) {
        try {
            // BouncyCastle generates the legacy curves (secp192r1) the JDK no longer offers; the JDK generates
            // RSA keys several times faster, and key generation dominates test time.
            KeyPairGenerator generator = spec.curve != null ? KeyPairGenerator.getInstance(spec.keyAlgorithm, BC)
                    : KeyPairGenerator.getInstance(spec.keyAlgorithm);
            if (spec.curve != null) {
                generator.initialize(new ECGenParameterSpec(spec.curve), new SecureRandom());
            } else if (spec.rsaExponent != null) {
                generator.initialize(new java.security.spec.RSAKeyGenParameterSpec(spec.keySize, spec.rsaExponent),
                        new SecureRandom());
            } else if (spec.keyAlgorithm.startsWith("Ed")) {
                // The curve is in the algorithm's name.
            } else {
                generator.initialize(spec.keySize, new SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate a " + spec.keyAlgorithm + " key", e);
        }
    }
}
