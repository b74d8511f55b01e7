package io.certaudit.agent.capture;

import java.nio.file.Path;
import java.util.Objects;

import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.model.HostSnapshot;

/**
 * A capture as a source: the host exactly as the source that made the capture saw it, wherever the capture was
 * made. What needs the captured machine itself (its TLS peers and DNS, seen from its network) is not in it.
 */
public final class CaptureSource implements HostSource {

    private final Path file;
    private final int maxEntries;

    public CaptureSource(Path file, int maxEntries) {
        this.file = Objects.requireNonNull(file, "file");
        this.maxEntries = maxEntries;
    }

    @Override
    public HostSnapshot read() throws SourceException {
        try {
            return CaptureFile.read(file, maxEntries).snapshot();
        } catch (UnreadableCaptureException e) {
            throw new SourceException(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "capture " + file;
    }
}
