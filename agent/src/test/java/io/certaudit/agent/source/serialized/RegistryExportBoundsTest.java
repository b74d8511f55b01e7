package io.certaudit.agent.source.serialized;

import static io.certaudit.agent.source.serialized.RegExportText.MACHINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.SourceLimits;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * A registry export is read as a stream with caps: neither its size, its number of lines nor its number of entries
 * decides what the audit holds in memory, and the entry limit stops the reading.
 */
class RegistryExportBoundsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Reg Bounds Root");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private HostSnapshot readMeasured(Path file, SourceLimits limits, long budget) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        HostSnapshot snapshot = new RegistryExportSource(file, limits).read();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < budget, "reading allocated " + allocated + " bytes");
        return snapshot;
    }

    @Test
    void sixtyFourMebibytesOfNewlinesCostNoMoreThanABuffer() throws Exception {
        Path file = dir.resolve("newlines.reg");
        byte[] newlines = new byte[1 << 20];
        Arrays.fill(newlines, (byte) '\n');
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 64; i++) {
                out.write(newlines);
            }
        }

        // Splitting the text into lines allocated 1.4 GB; read as a stream it takes half a megabyte.
        HostSnapshot snapshot = readMeasured(file, SourceLimits.defaults(), 16L * 1024 * 1024);

        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
        assertTrue(snapshot.problems().get(0).message().startsWith("no certificate of the MY, CA or ROOT"));
    }

    @Test
    void anOverlongLineIsReportedAndSkipped() throws Exception {
        byte[] line = new byte[8000];
        Arrays.fill(line, (byte) 'x');
        Path file = Files.write(dir.resolve("long.reg"), SerializedBytes.concat(
                "Windows Registry Editor Version 5.00\r\n".getBytes(StandardCharsets.US_ASCII), line,
                new RegExportText().certificate(MACHINE + "ROOT", ROOT.der()).text()
                        .getBytes(StandardCharsets.US_ASCII)));

        // A certificate file of 1,000 bytes: a line may hold 3 characters a byte and some room.
        HostSnapshot snapshot = new RegistryExportSource(file, new SourceLimits(1000, 100)).read();

        SourceProblem problem = snapshot.problems().get(0);
        assertTrue(problem.origin().endsWith("line 1") || problem.origin().endsWith("line 2"), problem.origin());
        assertEquals("the line is longer than 7096 characters; ignored", problem.message());
    }

    @Test
    void theEntryLimitStopsTheReadingOfAnExportWithThousandsOfEntries() throws Exception {
        RegExportText text = new RegExportText();
        for (int i = 0; i < 2_000; i++) {
            text.certificate(MACHINE + "CA", String.format("%040X", i), SerializedBytes.entry(32, ROOT.der()));
        }
        Path file = Files.write(dir.resolve("ca.reg"), text.utf16());
        new RegistryExportSource(file, new SourceLimits(1 << 20, 10)).read(); // loads the classes

        // Parsing every entry before applying the limit allocated 63 MB; stopping at the limit takes 1 MB.
        HostSnapshot snapshot = readMeasured(file, new SourceLimits(1 << 20, 10), 16L * 1024 * 1024);

        assertEquals(10, snapshot.certificates().size());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
        assertTrue(snapshot.problems().get(0).message().contains("more than 10 entries"));
    }
}
