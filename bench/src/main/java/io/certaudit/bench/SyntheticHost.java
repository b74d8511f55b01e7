package io.certaudit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes a synthetic host as a folder source: {@code host/ROOT} with self-signed roots, {@code host/CA} with the
 * intermediates they issued except every tenth, which is left out, and {@code host/MY} with leaf certificates
 * issued round-robin by the intermediates, so one leaf in ten has a broken chain. RSA 2048 and EC P-256 keys and
 * signatures alternate; an all-ECDSA host ({@code --ecdsa}) has P-256 leaves and gives every root and intermediate a
 * P-256 key of its own, so no issuer's prepared key serves another. Beside the host it writes what {@code openssl verify} needs ({@code roots.pem},
 * {@code cas.pem}) and the names of the leaves whose chain must be found broken ({@code expected-broken.txt}).
 *
 * <p>{@code java io.certaudit.bench.SyntheticHost --out DIR [--personal N] [--intermediates N] [--roots N] [--ecdsa]}
 */
public final class SyntheticHost {

    /** How many certificates of each kind; the intermediates count includes the ones left out of CA. */
    public record Shape(int personal, int intermediates, int roots) {
        /** The benchmark's default: 10,000 in MY, 1,000 intermediates (900 in CA), 400 roots. */
        public static final Shape DEFAULT = new Shape(10_000, 1_000, 400);

        public Shape {
            if (personal < 1 || intermediates < 1 || roots < 1) {
                throw new IllegalArgumentException("every store needs at least one certificate");
            }
        }
    }

    /** Where the generated files are. */
    public record Generated(Path directory, Shape shape, List<String> expectedBroken) {
        /** The folder to give {@code certaudit audit --source}. */
        public Path host() {
            return directory.resolve("host");
        }

        public Path personal() {
            return host().resolve("MY");
        }

        /** Every root, concatenated: {@code openssl verify -CAfile}. */
        public Path rootsPem() {
            return directory.resolve("roots.pem");
        }

        /** Every intermediate in CA, concatenated: {@code openssl verify -untrusted}. */
        public Path intermediatesPem() {
            return directory.resolve("cas.pem");
        }

        public Path expectedBrokenFile() {
            return directory.resolve(EXPECTED_BROKEN);
        }
    }

    /** The file listing, one per line, the MY file names whose chain is broken. */
    public static final String EXPECTED_BROKEN = "expected-broken.txt";

    private static final int KEY_POOL_SIZE = 8;
    private static final String ORGANISATION = ",O=Synthetic Host,C=US";

    private final KeyPool keys;
    /** Whether every issuer gets a P-256 key of its own (the all-ECDSA host); else issuers draw from the pool. */
    private final boolean ownIssuerKeys;
    private final Instant notBefore;
    private final Instant now;

    /** A generator of the mixed RSA / ECDSA host whose certificates are valid from a day before {@code now}. */
    public SyntheticHost(Instant now) {
        this(now, false);
    }

    /** As above; {@code ecdsa}: P-256 everywhere, and each root and intermediate with a key of its own. */
    public SyntheticHost(Instant now, boolean ecdsa) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.notBefore = this.now.minus(Duration.ofDays(1));
        this.keys = new KeyPool(KEY_POOL_SIZE, ecdsa);
        this.ownIssuerKeys = ecdsa;
    }

    /** The key of the {@code index}-th issuer of a kind: its own on the all-ECDSA host, else from the pool. */
    private KeyPool.PooledKey issuerKey(int index) {
        return ownIssuerKeys ? new KeyPool(1, true).get(0) : keys.get(index);
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int personal = Shape.DEFAULT.personal();
        Integer intermediates = null;
        int roots = Shape.DEFAULT.roots();
        boolean ecdsa = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> out = Path.of(require(args[i], value));
                case "--personal" -> personal = Integer.parseInt(require(args[i], value));
                case "--intermediates" -> intermediates = Integer.parseInt(require(args[i], value));
                case "--roots" -> roots = Integer.parseInt(require(args[i], value));
                case "--ecdsa" -> {
                    ecdsa = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --out DIR [--personal N] [--intermediates N] [--roots N] [--ecdsa]");
            }
            i++;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Shape shape = new Shape(personal, intermediates != null ? intermediates : Math.max(1, personal / 10), roots);
        long start = System.nanoTime();
        Generated generated = new SyntheticHost(Instant.now(), ecdsa).write(shape, out);
        System.out.printf(Locale.ROOT, "generated %s: %d MY (%d with a broken chain), %d CA, %d ROOT in %.1f s%n",
                generated.host(), shape.personal(), generated.expectedBroken().size(),
                shape.intermediates() - leftOutCount(shape.intermediates()), shape.roots(),
                (System.nanoTime() - start) / 1e9);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Whether the intermediate of this index is left out of CA: every tenth one. */
    public static boolean leftOut(int intermediate) {
        return intermediate % 10 == 9;
    }

    private static int leftOutCount(int intermediates) {
        return intermediates / 10;
    }

    /** Writes the host of {@code shape} into {@code directory}, which must be empty or absent. */
    public Generated write(Shape shape, Path directory) throws IOException {
        Path host = directory.resolve("host");
        Path rootFolder = Files.createDirectories(host.resolve("ROOT"));
        Path caFolder = Files.createDirectories(host.resolve("CA"));
        Path myFolder = Files.createDirectories(host.resolve("MY"));

        List<Issuer> roots = IntStream.range(0, shape.roots()).parallel()
                .mapToObj(this::root).toList();
        List<Issuer> intermediates = IntStream.range(0, shape.intermediates()).parallel()
                .mapToObj(i -> intermediate(i, roots.get(i % roots.size()))).toList();

        StringBuilder rootsPem = new StringBuilder();
        for (int r = 0; r < roots.size(); r++) {
            String pem = pem(roots.get(r).der());
            rootsPem.append(pem);
            write(rootFolder.resolve(String.format(Locale.ROOT, "root-%04d.crt", r)), pem);
        }
        StringBuilder casPem = new StringBuilder();
        for (int i = 0; i < intermediates.size(); i++) {
            if (!leftOut(i)) {
                String pem = pem(intermediates.get(i).der());
                casPem.append(pem);
                write(caFolder.resolve(String.format(Locale.ROOT, "ca-%05d.crt", i)), pem);
            }
        }
        write(directory.resolve("roots.pem"), rootsPem.toString());
        write(directory.resolve("cas.pem"), casPem.toString());

        IntStream.range(0, shape.personal()).parallel().forEach(j -> write(myFolder.resolve(leafFileName(j)),
                pem(leaf(j, intermediates.get(j % intermediates.size())))));

        List<String> broken = new ArrayList<>();
        for (int j = 0; j < shape.personal(); j++) {
            if (leftOut(j % intermediates.size())) {
                broken.add(leafFileName(j));
            }
        }
        write(directory.resolve(EXPECTED_BROKEN), broken.isEmpty() ? "" : String.join("\n", broken) + "\n");
        return new Generated(directory, shape, List.copyOf(broken));
    }

    /** The file name of the {@code index}-th leaf in MY. */
    public static String leafFileName(int index) {
        return String.format(Locale.ROOT, "leaf-%06d.crt", index);
    }

    /** A certificate that signs others: its name, key and encoding. */
    private record Issuer(X500Name name, KeyPool.PooledKey key, byte[] der) {
    }

    private Issuer root(int index) {
        X500Name name = new X500Name(String.format(Locale.ROOT, "CN=Synthetic Root %04d", index) + ORGANISATION);
        KeyPool.PooledKey key = issuerKey(index);
        X509v3CertificateBuilder builder = builder(name, BigInteger.valueOf(1_000_000L + index), name,
                key, notBefore, now.plus(Duration.ofDays(20 * 365)));
        addExtension(builder, Extension.subjectKeyIdentifier, false, key.subjectKeyId());
        addCaExtensions(builder);
        return new Issuer(name, key, sign(builder, key));
    }

    private Issuer intermediate(int index, Issuer root) {
        X500Name name = new X500Name(String.format(Locale.ROOT, "CN=Synthetic Issuing CA %05d", index)
                + ORGANISATION);
        // Offset from the roots' choice so an intermediate rarely shares its issuer's key.
        KeyPool.PooledKey key = issuerKey(index + 3);
        X509v3CertificateBuilder builder = builder(root.name(), BigInteger.valueOf(2_000_000L + index), name, key,
                notBefore, now.plus(Duration.ofDays(10 * 365)));
        addExtension(builder, Extension.subjectKeyIdentifier, false, key.subjectKeyId());
        addExtension(builder, Extension.authorityKeyIdentifier, false, root.key().authorityKeyId());
        addCaExtensions(builder);
        addExtension(builder, Extension.cRLDistributionPoints, false, crlDistributionPoint(root.name()));
        return new Issuer(name, key, sign(builder, root.key()));
    }

    private byte[] leaf(int index, Issuer issuer) {
        String dns = String.format(Locale.ROOT, "host%06d.synthetic.test", index);
        X500Name name = new X500Name("CN=" + dns + ORGANISATION);
        KeyPool.PooledKey key = keys.get(index + 5);
        X509v3CertificateBuilder builder = builder(issuer.name(), BigInteger.valueOf(10_000_000L + index), name, key,
                notBefore, now.plus(Duration.ofDays(397)));
        addExtension(builder, Extension.subjectKeyIdentifier, false, key.subjectKeyId());
        addExtension(builder, Extension.authorityKeyIdentifier, false, issuer.key().authorityKeyId());
        addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        addExtension(builder, Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        addExtension(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        addExtension(builder, Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
        addExtension(builder, Extension.cRLDistributionPoints, false, crlDistributionPoint(issuer.name()));
        return sign(builder, issuer.key());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serial, X500Name subject,
                                                    KeyPool.PooledKey key, Instant from, Instant to) {
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject,
                key.pair().getPublic());
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder) {
        addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(true));
        addExtension(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static CRLDistPoint crlDistributionPoint(X500Name issuer) {
        String cn = issuer.toString().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        GeneralNames uri = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                "http://pki.synthetic.test/crl/" + cn + ".crl"));
        return new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(uri), null, null)});
    }

    private static void addExtension(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid,
                                     boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sign(X509v3CertificateBuilder builder, KeyPool.PooledKey signer) {
        try {
            JcaContentSignerBuilder contentSigner = new JcaContentSignerBuilder(signer.signatureAlgorithm());
            if (signer.signingProvider() != null) {
                contentSigner.setProvider(signer.signingProvider());
            }
            return builder.build(contentSigner.build(signer.signingKey())).getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK cannot sign with " + signer.signatureAlgorithm(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
