package io.certaudit.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Bounded reading: a file is read up to a limit, never to the size it claims. */
final class BoundedFile {

    private BoundedFile() {
    }

    /**
     * The file's bytes, or {@code null} when it holds more than {@code limit}: read with a bound rather than trusting
     * the size the file system reports, which a growing file or a device outruns.
     */
    static byte[] readAtMost(Path file, long limit) throws IOException {
        int bound = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            // The reported size only sizes the first buffer, one byte larger so that a file that grew shows it.
            byte[] first = new byte[(int) Math.min(channel.size() + 1, bound)];
            InputStream in = Channels.newInputStream(channel);
            int read = in.readNBytes(first, 0, first.length);
            byte[] content = read < first.length ? Arrays.copyOf(first, read)
                    : concat(first, in.readNBytes(bound - first.length));
            return content.length > limit ? null : content;
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        if (tail.length == 0) {
            return head;
        }
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
