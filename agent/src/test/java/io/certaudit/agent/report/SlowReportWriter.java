package io.certaudit.agent.report;

import java.nio.file.Path;

/**
 * A process that writes a large report through {@link AtomicFile} and is killed by {@link AtomicFileKillTest}
 * while doing so. Tells its parent on standard output where it has got to, then waits to be killed:
 * {@code mid-write} stops half way through the content, {@code before-move} once all of it is written and flushed,
 * just before the rename.
 */
public final class SlowReportWriter {

    static final String MID_WRITE = "mid-write";
    static final String BEFORE_MOVE = "before-move";
    static final String READY = "ready";
    /** Larger than any buffer between the writer and the file, so half of it is on disk. */
    static final int CHUNKS = 2048;
    static final String CHUNK = "{\"finding\": \"" + "x".repeat(1000) + "\"}\n";

    private SlowReportWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String stopAt = args[1];
        AtomicFile.write(target, out -> {
            for (int i = 0; i < CHUNKS; i++) {
                out.write(CHUNK);
                if (i == CHUNKS / 2 && stopAt.equals(MID_WRITE)) {
                    out.flush();
                    waitToBeKilled();
                }
            }
            out.flush();
            if (stopAt.equals(BEFORE_MOVE)) {
                waitToBeKilled();
            }
        });
        System.out.println("moved");
    }

    private static void waitToBeKilled() throws java.io.IOException {
        System.out.println(READY);
        System.out.flush();
        // Blocks until the parent kills this process (or closes standard input, which it does not).
        while (System.in.read() != -1) {
            Thread.onSpinWait();
        }
    }
}
