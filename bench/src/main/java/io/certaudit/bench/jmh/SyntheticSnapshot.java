package io.certaudit.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.certaudit.agent.pipeline.AuditPipeline;
import io.certaudit.agent.source.CertificateFileReader;
import io.certaudit.agent.source.FolderSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.bench.SyntheticHost;
import io.certaudit.model.HostSnapshot;

/** A synthetic host of {@code personal} Personal certificates, written once per trial and read into a snapshot. */
@State(Scope.Benchmark)
public class SyntheticSnapshot {

    @Param("1000")
    public int personal;

    Path directory;
    Path host;
    HostSnapshot snapshot;
    Instant at;

    @Setup(Level.Trial)
    public void generate() throws IOException, SourceException {
        at = Instant.now();
        directory = Files.createTempDirectory("certaudit-jmh");
        SyntheticHost.Generated generated = new SyntheticHost(at).write(
                new SyntheticHost.Shape(personal, Math.max(1, personal / 10), Math.max(1, personal / 25)), directory);
        host = generated.host();
        snapshot = AuditPipeline.builtIn("bench").read(new FolderSource(host, CertificateFileReader.withDefaults()));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
