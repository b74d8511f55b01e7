package io.certaudit.agent.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A stream that gives at most {@code limit} bytes and fails with the caller's exception when there are more: the
 * bound holds whatever size the file claimed before it was opened (a file can grow, a pipe has no size). It never
 * reads more than one byte past the limit from the stream below.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends IOException> tooLarge;
    private long read;

    public BoundedInputStream(InputStream in, long limit, Supplier<? extends IOException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, (int) Math.min(length, limit + 1 - read));
        if (count > 0) {
            read += count;
            if (read > limit) {
                throw tooLarge.get();
            }
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes count too: read them through the bound.
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int count = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (count < 0) {
                break;
            }
            skipped += count;
        }
        return skipped;
    }
}
