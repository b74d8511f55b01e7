package io.certaudit.bench.jmh;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.certaudit.agent.crypto.ConscryptSignatureEngine;
import io.certaudit.chain.JavaSignatureEngine;
import io.certaudit.chain.SignatureEngine;
import io.certaudit.model.CertificateSignature;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * The cost of one certificate signature verification per engine and algorithm, with the issuer's key prepared
 * once (as the chain analysis does), and of preparing a key. Run under the launcher's JIT setting to see what an
 * audit sees: {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SignatureBenchmark {

    @Param({"native", "java"})
    public String engine;

    @Param({"RSA-2048 SHA256withRSA", "P-256 SHA256withECDSA", "P-384 SHA384withECDSA"})
    public String algorithm;

    private SignatureEngine signatureEngine;
    private StoredCertificate issuer;
    private SignatureEngine.PreparedKey prepared;
    private CertificateSignature signature;

    @Setup(Level.Trial)
    public void sign() throws Exception {
        signatureEngine = engine.equals("native") ? new ConscryptSignatureEngine() : new JavaSignatureEngine();
        if (signatureEngine.unavailableReason() != null) {
            throw new IllegalStateException(signatureEngine.unavailableReason());
        }
        String[] parts = algorithm.split(" ");
        KeyPairGenerator generator;
        if (parts[0].startsWith("RSA")) {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(Integer.parseInt(parts[0].substring(4)));
        } else {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp" + parts[0].substring(2) + "r1"));
        }
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name name = new X500Name("CN=Benchmark");
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plusSeconds(86_400)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder(parts[1]).build(keys.getPrivate())).getEncoded();
        issuer = StoredCertificate.parse(StoreName.ROOT, der, "benchmark");
        prepared = signatureEngine.prepare(issuer.certificate().getPublicKey());
        signature = issuer.signature();
    }

    @Benchmark
    public SignatureEngine.Verdict verify() {
        return prepared.verify(signature);
    }

    @Benchmark
    public SignatureEngine.Verdict prepareAndVerify() {
        return signatureEngine.prepare(issuer.certificate().getPublicKey()).verify(signature);
    }
}
