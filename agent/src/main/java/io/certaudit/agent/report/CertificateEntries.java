package io.certaudit.agent.report;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

import io.certaudit.model.StoredCertificate;

/**
 * The entries of a store in a report made from an audit, each made from its certificate when asked for rather than
 * all at once: the JSON writer makes each on the thread that writes it and lets it go ({@link #made}), so the run
 * never holds a second copy of every certificate's facts; renderers that come back to an entry get the one made
 * first ({@link #get}). The facts an entry shows must be settled before it is made (see {@link ReportBuilder}).
 */
final class CertificateEntries extends AbstractList<AuditReport.CertificateEntry> implements RandomAccess {

    private final List<StoredCertificate> certificates;
    private final Function<StoredCertificate, AuditReport.CertificateEntry> entry;
    /** Entries already asked for through {@link #get}; an entry is immutable, so one made twice is the same. */
    private volatile AuditReport.CertificateEntry[] kept;

    CertificateEntries(List<StoredCertificate> certificates,
                       Function<StoredCertificate, AuditReport.CertificateEntry> entry) {
        this.certificates = List.copyOf(certificates);
        this.entry = entry;
    }

    @Override
    public AuditReport.CertificateEntry get(int index) {
        AuditReport.CertificateEntry[] entries = kept;
        if (entries == null) {
            entries = new AuditReport.CertificateEntry[certificates.size()];
            kept = entries;
        }
        AuditReport.CertificateEntry made = entries[index];
        if (made == null) {
            made = made(index);
            entries[index] = made;
        }
        return made;
    }

    /** A new entry for the {@code index}th certificate, not kept. */
    AuditReport.CertificateEntry made(int index) {
        return entry.apply(certificates.get(index));
    }

    @Override
    public int size() {
        return certificates.size();
    }
}
