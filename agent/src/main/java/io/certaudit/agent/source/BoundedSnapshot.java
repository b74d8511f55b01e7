package io.certaudit.agent.source;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * Collects what one read of a source finds into a snapshot, up to the source's entry limit: a certificate or a
 * problem is one entry each. The first entry past the limit becomes a problem that names the limit and how to raise
 * it; everything after it is dropped, so a folder of a million files cannot make a million findings.
 */
public final class BoundedSnapshot {

    private final HostSnapshot.Builder snapshot;
    private final int maxEntries;
    private int entries;
    private boolean full;

    public BoundedSnapshot(HostSnapshot.Builder snapshot, int maxEntries) {
        this.snapshot = snapshot;
        this.maxEntries = maxEntries;
    }

    /** Adds a certificate; returns {@code false} when the limit refused it. */
    public boolean add(StoredCertificate certificate) {
        if (admit(certificate.store(), certificate.origin())) {
            snapshot.add(certificate);
            return true;
        }
        return false;
    }

    /** Records something that could not be read; dropped once the limit is reached. */
    public void problem(StoreName store, String origin, String message) {
        if (admit(store, origin)) {
            snapshot.problem(store, origin, message);
        }
    }

    /** Whether the limit has been reached: reading more is pointless. */
    public boolean full() {
        return full;
    }

    private boolean admit(StoreName store, String origin) {
        if (entries < maxEntries) {
            entries++;
            return true;
        }
        if (!full) {
            full = true;
            snapshot.problem(store, origin, "the source holds more than " + maxEntries + " entries (certificates "
                    + "and unreadable items); this one and everything after it were not read. Raise the limit with "
                    + "--max-entries or 'limits: maxEntries' if the host really holds that many");
        }
        return false;
    }
}
