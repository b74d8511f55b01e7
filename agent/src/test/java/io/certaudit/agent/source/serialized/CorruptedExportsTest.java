package io.certaudit.agent.source.serialized;

import static io.certaudit.agent.source.serialized.SerializedBytes.entry;
import static io.certaudit.agent.source.serialized.SerializedBytes.enhancedKeyUsage;
import static io.certaudit.agent.source.serialized.SerializedBytes.keyProviderInfo;
import static io.certaudit.agent.source.serialized.SerializedBytes.store;
import static io.certaudit.agent.source.serialized.SerializedBytes.utf16z;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.HostSource;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;

/**
 * Damaged exports, cut at every length and corrupted at random (a fixed seed, so every run tries the same
 * files): reading never throws, and every problem names the file.
 */
class CorruptedExportsTest {

    private static final int RANDOM_CORRUPTIONS = 250;

    @TempDir
    Path folder;

    private final byte[] service = TestCertificates.der("service.example");
    private final byte[] root = TestCertificates.der("root.example");

    @Test
    void aSerializedStoreCutAnywhereOrCorruptedIsReadAsFarAsItGoes() throws Exception {
        byte[] whole = store(
                entry(11, utf16z("service")),
                entry(2, keyProviderInfo("container", "provider", 1, 0x20, 1)),
                entry(9, enhancedKeyUsage("1.3.6.1.5.5.7.3.1")),
                entry(32, service),
                entry(32, root));
        Path file = folder.resolve("my.sst");
        // Every length in the header and the first entries, then a cut every few bytes through the certificates.
        for (int length = 0; length <= whole.length; length += length < 160 ? 1 : 5) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertReadsWithoutThrowing(new SstSource(file, StoreName.MY), file);
        }
        for (int cut = 1; cut <= ElementReader.ENTRY_HEADER_BYTES + 1; cut++) {
            Files.write(file, Arrays.copyOf(whole, whole.length - cut));
            assertReadsWithoutThrowing(new SstSource(file, StoreName.MY), file);
        }
        Random random = new Random(20261121L);
        for (int i = 0; i < RANDOM_CORRUPTIONS; i++) {
            Files.write(file, corrupt(whole, random));
            assertReadsWithoutThrowing(new SstSource(file, StoreName.MY), file);
        }
    }

    @Test
    void aRegistryExportCorruptedAnywhereIsReadAsFarAsItGoes() throws Exception {
        byte[] whole = new RegExportText()
                .certificate(RegExportText.MACHINE + "MY", TestCertificates.thumbprint(service),
                        SerializedBytes.concat(entry(11, utf16z("service")),
                                entry(2, keyProviderInfo("c", "p", 0, 0x20, 0)), entry(32, service)))
                .certificate(RegExportText.POLICIES + "Root", root)
                .utf16();
        Path file = folder.resolve("my.reg");
        Random random = new Random(20261122L);
        for (int i = 0; i < RANDOM_CORRUPTIONS; i++) {
            byte[] damaged = random.nextBoolean() ? corrupt(whole, random)
                    : Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            Files.write(file, damaged);
            assertReadsWithoutThrowing(new RegistryExportSource(file), file);
        }
    }

    /** Overwrites a few bytes, favouring the DWORDs of entry headers (lengths, ids) where damage does most. */
    private static byte[] corrupt(byte[] data, Random random) {
        byte[] copy = data.clone();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xFF;
        }
        return copy;
    }

    private static void assertReadsWithoutThrowing(HostSource source, Path file) throws Exception {
        HostSnapshot snapshot = source.read();
        for (SourceProblem problem : snapshot.problems()) {
            assertTrue(problem.origin().startsWith(file.toString()), problem.toString());
        }
    }
}
