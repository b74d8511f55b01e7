package io.certaudit.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.FolderSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;

/** Parsing: one DER certificate into a {@link StoredCertificate}, and a whole host folder into a snapshot. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    /** The audit as the command line runs it. */
    private static final AuditPipeline PIPELINE = AuditPipeline.builtIn("bench");

    /** Decoding, facts, thumbprints of one Personal certificate (RSA and EC alternate in the host). */
    @Benchmark
    public StoredCertificate parseCertificate(SyntheticSnapshot host) throws UnreadableCertificateException {
        StoredCertificate any = host.snapshot.store(StoreName.MY).get(0);
        return StoredCertificate.parse(StoreName.MY, any.encoded(), any.origin());
    }

    /** Listing, reading and parsing every file of the host: the folder source end to end. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public HostSnapshot readFolder(SyntheticSnapshot host) throws SourceException {
        return PIPELINE.read(new FolderSource(host.host, CertificateFileReader.withDefaults()));
    }
}
