package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Files made to break a reader: nesting and length bombs in every format, oversized and endless files, more entries
 * than any host holds, link loops. Each must end as a problem naming the file, allocating little, while the rest of
 * the host is still read.
 */
class HostileFilesTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Hostile Test Root");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("hostile.example.com").san("hostile.example.com"));

    /** Far more than reading any of these small files needs, far less than a length field of 2^31 would take. */
    private static final long ALLOCATION_BUDGET = 64L * 1024 * 1024;
    /** Deep enough to overflow the parsers' stacks (they failed at this depth before the guard). */
    private static final int BOMB_DEPTH = 200_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private HostSnapshot read(CertificateFileReader reader) throws SourceException {
        new HostFolder(dir).pem("ROOT", "good-root.pem", ROOT);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        HostSnapshot snapshot = new FolderSource(dir, reader).read();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BUDGET, "reading allocated " + allocated + " bytes");
        assertEquals(1, snapshot.store(StoreName.ROOT).size(), "the good file is still read");
        return snapshot;
    }

    private static String problemFor(HostSnapshot snapshot, String file) {
        return snapshot.problems().stream().filter(p -> p.origin().endsWith(file)).map(SourceProblem::message)
                .findFirst().orElseThrow(() -> new AssertionError("no problem for " + file + ": "
                        + snapshot.problems()));
    }

    private static String pem(String type, byte[] der) {
        return HostFolder.pem(type, der);
    }

    @Test
    void nestingBombsInEveryFormatAreProblemsNotCrashes() throws Exception {
        HostFolder host = new HostFolder(dir);
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        bombs.put("indefinite.cer", Asn1Bombs.nestedIndefinite(BOMB_DEPTH));
        bombs.put("definite.cer", Asn1Bombs.nestedDefinite(20_000));
        bombs.put("certificate.pem", pem("CERTIFICATE", Asn1Bombs.nestedIndefinite(BOMB_DEPTH))
                .getBytes(StandardCharsets.US_ASCII));
        bombs.put("key-in-pem.pem", (pem("CERTIFICATE", LEAF.der()) + pem("PRIVATE KEY",
                Asn1Bombs.nestedIndefinite(BOMB_DEPTH))).getBytes(StandardCharsets.US_ASCII));
        bombs.put("store.pfx", Asn1Bombs.nestedIndefinite(BOMB_DEPTH));
        bombs.put("store.p12", Asn1Bombs.wrap(0x30, Asn1Bombs.wrap(0x04, Asn1Bombs.nestedDefinite(20_000))));
        bombs.put("prefixed.crt", concat(new byte[70_000], ("\n" + pem("CERTIFICATE",
                Asn1Bombs.nestedIndefinite(BOMB_DEPTH))).getBytes(StandardCharsets.US_ASCII)));
        for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
            host.write(host.file("MY", bomb.getKey()), bomb.getValue());
        }
        HostSnapshot snapshot = read(CertificateFileReader.withDefaults());
        for (String file : bombs.keySet()) {
            assertTrue(problemFor(snapshot, file).contains("nested more than"), file + ": "
                    + problemFor(snapshot, file));
        }
    }

    @Test
    void aKeyFileBombMeansNoKeyNotACrash() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("MY", "service.crt", LEAF);
        host.write(host.file("MY", "service.key"), pem("RSA PRIVATE KEY", Asn1Bombs.nestedIndefinite(BOMB_DEPTH))
                .getBytes(StandardCharsets.US_ASCII));
        HostSnapshot snapshot = read(CertificateFileReader.withDefaults());
        String evidence = snapshot.store(StoreName.MY).get(0).privateKey().evidence();
        assertTrue(evidence.contains("cannot be read") && evidence.contains("nested"), evidence);
    }

    @Test
    void lengthFieldsOfTwoGigabytesAllocateNothingLarge() throws Exception {
        HostFolder host = new HostFolder(dir);
        List<String> files = new java.util.ArrayList<>();
        for (long length : new long[] {0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL}) {
            byte[] bomb = Asn1Bombs.hugeLength(length);
            files.add(host.write(host.file("MY", length + ".cer"), bomb).toString());
            files.add(host.write(host.file("MY", length + ".pem"), pem("CERTIFICATE", bomb)
                    .getBytes(StandardCharsets.US_ASCII)).toString());
            files.add(host.write(host.file("MY", length + ".pfx"), bomb).toString());
            files.add(host.write(host.file("MY", length + "-key.pem"), (pem("CERTIFICATE", LEAF.der())
                    + pem("PRIVATE KEY", bomb)).getBytes(StandardCharsets.US_ASCII)).toString());
        }
        HostSnapshot snapshot = read(CertificateFileReader.withDefaults());
        for (String file : files) {
            problemFor(snapshot, file);
        }
        assertEquals(3, snapshot.store(StoreName.MY).size(), "the good certificate before each damaged key");
    }

    @Test
    void aFileIsReadOnlyUpToTheLimitWhateverItsSize() throws Exception {
        Path file = Files.write(dir.resolve("big.cer"), new byte[3 * 1024 * 1024]);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertNull(BoundedFile.readAtMost(file, 1024));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024 * 1024, "read " + allocated + " bytes of a 3 MiB file to refuse it");
        assertEquals(1024, BoundedFile.readAtMost(Files.write(dir.resolve("exact.cer"), new byte[1024]),
                1024).length);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFileThatReportsNoSizeIsStillReadUpToTheLimit() throws Exception {
        // Files under /proc report a size of 0 and hold text: the size only sizes the first buffer.
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(status), "no /proc here");
        byte[] content = BoundedFile.readAtMost(status, 1 << 20);
        assertTrue(content != null && new String(content, StandardCharsets.US_ASCII).contains("Name:"),
                "read " + (content == null ? "nothing" : content.length + " bytes"));
        assertNull(BoundedFile.readAtMost(status, 16), "over the limit however it is found out");
    }

    @Test
    void pastTheEntryLimitTheSourceStopsAndSaysSo() throws Exception {
        HostFolder host = new HostFolder(dir);
        for (int i = 0; i < 5; i++) {
            host.write(host.file("CA", "garbage-" + i + ".cer"), "garbage".getBytes(StandardCharsets.US_ASCII));
        }
        host.pem("CA", "bundle.pem", LEAF, LEAF, LEAF, LEAF);
        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader(null, new SourceLimits(1 << 20, 3)))
                .read();
        assertEquals(3, snapshot.store(StoreName.CA).size(), "the bundle is read first, up to the limit");
        assertEquals(1, snapshot.problems().size(), "the garbage after the limit is not even looked at");
        SourceProblem limit = snapshot.problems().get(0);
        assertTrue(limit.message().contains("more than 3 entries") && limit.message().contains("--max-entries"),
                limit.message());
    }

    @Test
    void certificatesOfOneFileCountOneEntryEach() throws Exception {
        new HostFolder(dir).pem("CA", "bundle.pem", LEAF, LEAF, LEAF, LEAF, LEAF);
        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader(null, new SourceLimits(1 << 20, 2)))
                .read();
        assertEquals(2, snapshot.store(StoreName.CA).size());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
    }

    @Test
    void anOversizedFileNamesTheLimitAndHowToRaiseIt() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "huge.cer"), new byte[4096]);
        HostSnapshot snapshot = read(new CertificateFileReader(null, new SourceLimits(3000, 100)));
        String message = problemFor(snapshot, "huge.cer");
        assertTrue(message.contains("3000-byte limit") && message.contains("--max-file-bytes"), message);
    }

    @Test
    void linkLoopsBetweenFilesAndFoldersEndAndALinkedStoreFolderIsRead() throws Exception {
        HostFolder host = new HostFolder(dir);
        Path elsewhere = Files.createDirectories(dir.resolve("exported-ca"));
        Files.write(elsewhere.resolve("issuing.cer"), LEAF.der());
        try {
            Files.createSymbolicLink(dir.resolve("CA"), elsewhere);
            Files.createSymbolicLink(elsewhere.resolve("a.crt"), elsewhere.resolve("b.crt"));
            Files.createSymbolicLink(elsewhere.resolve("b.crt"), elsewhere.resolve("a.crt"));
            Files.createSymbolicLink(elsewhere.resolve("up"), dir);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
        host.pem("MY", "service.pem", LEAF);
        HostSnapshot snapshot = read(CertificateFileReader.withDefaults());
        assertEquals(1, snapshot.store(StoreName.CA).size(), "the linked folder's certificate, once");
        assertEquals(List.of(), snapshot.problems());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
