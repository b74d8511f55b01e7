package io.certaudit.agent.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the text goes to a
 * temporary file in the same folder, is flushed to disk, then renamed over the target. A crash or a full disk
 * mid-write leaves the previous report intact.
 */
public final class AtomicFile {

    /** Produces the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws OutputException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputException("cannot write " + target + ": the folder " + folder + " does not exist", null);
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputException("cannot write " + target + ": it is a folder; give a file name", null);
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (AccessDeniedException e) {
            throw new OutputException("cannot write " + target + ": permission denied on " + e.getFile(), e);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after the target; nothing more can be done here.
                }
            }
        }
    }
}
