package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
        try {
            if (!Files.exists(file)) {
                throw new SourceException(file + " does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new SourceException(file + " is not a file");
            }
            long size = Files.size(file);
            if (size > limit) {
                throw new SourceException(file + " is " + size + " bytes, over the " + limit + "-byte limit for a"
                        + " store export of its kind; it is not read (the limit follows --max-file-bytes or"
                        + " 'limits: maxFileBytes')");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceException(file + " does not exist", e);
        } catch (IOException e) {
            throw new SourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's name alone, what the report shows as the host of an export. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
