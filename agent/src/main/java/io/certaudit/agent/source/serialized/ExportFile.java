package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.certaudit.agent.io.BoundedInputStream;
import io.certaudit.agent.source.SourceException;

/** Reads an exported store file whole, refusing one over its size limit. */
final class ExportFile {

    private ExportFile() {
    }

    /**
     * @param limit the largest file accepted, in bytes
     * @throws SourceException when the file is missing, unreadable or larger than {@code limit}
     */
    static byte[] read(Path file, long limit) throws SourceException {
        try (InputStream in = open(file, limit)) {
            byte[] data = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
            if (in.read() >= 0) {
                throw tooLarge(file, "grew while being read,", limit);
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new SourceException(file + " does not exist", e);
        } catch (IOException e) {
            throw new SourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a regular file of at most {@code limit} bytes by its size; the caller reads no more than the limit
     * either, since a file can grow while it is read.
     *
     * @throws SourceException when the file is missing, not a regular file (a folder, a device, a pipe, which could
     *                         block or never end) or larger than {@code limit}
     */
    static InputStream open(Path file, long limit) throws SourceException, IOException {
        if (!Files.exists(file)) {
            throw new SourceException(file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new SourceException(file + " is not a file");
        }
        long size = Files.size(file);
        if (size > limit) {
            throw tooLarge(file, "is " + size + " bytes,", limit);
        }
        return new BoundedInputStream(Files.newInputStream(file), limit,
                () -> new IOException(file + " grew past the " + limit + "-byte limit while it was read"));
    }

    static SourceException tooLarge(Path file, String how, long limit) {
        return new SourceException(file + " " + how + " over the " + limit + "-byte limit for a store export of its"
                + " kind; it is not read (the limit follows --max-file-bytes or 'limits: maxFileBytes')");
    }

    /** The file's name alone, what the report shows as the host of an export. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
