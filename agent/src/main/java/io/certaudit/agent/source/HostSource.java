package io.certaudit.agent.source;

import io.certaudit.model.HostSnapshot;

/**
 * Reads one host's certificate stores into a snapshot. A source only observes: anything it cannot read becomes
 * a {@link io.certaudit.model.SourceProblem} in the snapshot, never an exception, so the rest of the audit goes on.
 */
public interface HostSource {

    /**
     * Reads the host.
     *
     * @throws SourceException only when nothing at all can be read (the source does not exist, the platform
     *                         cannot run this source): the audit cannot run and exits UNKNOWN (3)
     */
    HostSnapshot read() throws SourceException;

    /** What this source reads, for the report, e.g. {@code folder examples/bems-host}. */
    String describe();
}
