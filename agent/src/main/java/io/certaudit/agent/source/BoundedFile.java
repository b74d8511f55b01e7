package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Bounded reading: a file is read up to a limit, never to the size it claims. */
final class BoundedFile {

    private static final OpenOption[] FOLLOWING = {StandardOpenOption.READ};
    private static final OpenOption[] NOT_FOLLOWING = {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};

    private BoundedFile() {
    }

    /**
     * The file's bytes, or {@code null} when it holds more than {@code limit}: read with a bound rather than trusting
     * the size the file system reports, which a growing file or a device outruns.
     */
    static byte[] readAtMost(Path file, long limit) throws IOException {
        return readAtMost(file, limit, true);
    }

    /**
     * As {@link #readAtMost(Path, long)}; when {@code followLink} is {@code false} a file that is a link is not
     * opened (the open fails), so a link put where a plain file was listed is not read.
     */
    static byte[] readAtMost(Path file, long limit, boolean followLink) throws IOException {
        int bound = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try (FileChannel channel = FileChannel.open(file, followLink ? FOLLOWING : NOT_FOLLOWING)) {
            // The reported size only sizes the first buffer; a file that grew, or a device that reports none, shows
            // it in the probe past the end.
            byte[] content = new byte[(int) Math.min(channel.size(), bound)];
            int read = fill(channel, content, 0);
            ByteBuffer probe = ByteBuffer.allocate(1);
            while (read == content.length && read < bound && channel.read(probe.clear()) > 0) {
                content = Arrays.copyOf(content, (int) Math.min(Math.max(2L * content.length, 8192), bound));
                content[read++] = probe.get(0);
                read = fill(channel, content, read);
            }
            if (read > limit) {
                return null;
            }
            return read == content.length ? content : Arrays.copyOf(content, read);
        }
    }

    /** Reads into {@code buffer} from {@code from} until it is full or the file ends; the bytes now in it. */
    private static int fill(FileChannel channel, byte[] buffer, int from) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(buffer, from, buffer.length - from);
        while (into.hasRemaining() && channel.read(into) >= 0) {
            // reads until full or at the end
        }
        return into.position();
    }
}
