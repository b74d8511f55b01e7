package io.certaudit.agent.source;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
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
    /** Certificates and problems in the order they came, when recording instead of building. */
    private final List<Object> recorded;
    private int entries;
    private boolean full;

    public BoundedSnapshot(HostSnapshot.Builder snapshot, int maxEntries) {
        this(snapshot, maxEntries, null);
    }

    private BoundedSnapshot(HostSnapshot.Builder snapshot, int maxEntries, List<Object> recorded) {
        this.snapshot = snapshot;
        this.maxEntries = maxEntries;
        this.recorded = recorded;
    }

    /**
     * A snapshot that only records what it is given, in order, for {@link #replayInto}: one file read on its own
     * thread, whose entries then count against the real limit in file order. It takes at most {@code capacity}
     * entries and is then full, so a reader stops as soon as the file can add nothing more to the real snapshot
     * (give it the room left there plus one, so that the entry past the limit still reaches it and names it).
     */
    static BoundedSnapshot recording(int capacity) {
        return new BoundedSnapshot(null, capacity, new ArrayList<>());
    }

    /** Gives {@code target} what this recording holds, in the order it came. */
    void replayInto(BoundedSnapshot target) {
        for (Object entry : recorded) {
            if (entry instanceof StoredCertificate certificate) {
                target.add(certificate);
            } else if (entry instanceof UserStoreEntry user) {
                target.addUserStoreCertificate(user.certificate());
            } else if (entry instanceof SourceProblem problem) {
                target.problem(problem.store(), problem.origin(), problem.message());
            }
        }
    }

    /** Adds a certificate; returns {@code false} when the limit refused it. */
    public boolean add(StoredCertificate certificate) {
        if (admit(certificate.store(), certificate.origin())) {
            if (recorded != null) {
                recorded.add(certificate);
            } else {
                snapshot.add(certificate);
            }
            return true;
        }
        return false;
    }

    /** Adds a certificate of a user's Personal store; returns {@code false} when the limit refused it. */
    public boolean addUserStoreCertificate(StoredCertificate certificate) {
        if (admit(certificate.store(), certificate.origin())) {
            if (recorded != null) {
                recorded.add(new UserStoreEntry(certificate));
            } else {
                snapshot.userStoreCertificate(certificate);
            }
            return true;
        }
        return false;
    }

    /** A recorded user-store certificate, told apart from the machine's own. */
    private record UserStoreEntry(StoredCertificate certificate) {
    }

    /** Records something that could not be read; dropped once the limit is reached. */
    public void problem(StoreName store, String origin, String message) {
        if (admit(store, origin)) {
            if (recorded != null) {
                recorded.add(new SourceProblem(store, origin, message));
            } else {
                snapshot.problem(store, origin, message);
            }
        }
    }

    /** Whether the limit has been reached: reading more is pointless. */
    public boolean full() {
        return full;
    }

    /** How many more entries are taken in before the limit is reached. */
    public int room() {
        return maxEntries - entries;
    }

    private boolean admit(StoreName store, String origin) {
        if (entries < maxEntries) {
            entries++;
            // A recording is full once it holds what it may: its reader need not parse the next entry to learn that.
            full = recorded != null && entries == maxEntries;
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
