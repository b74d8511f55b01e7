package io.certaudit.agent.source;

/**
 * How much one source reads at most, so a hostile or broken copy of a store cannot exhaust memory or time: files
 * larger than {@code maxFileBytes} are reported, not read, and past {@code maxEntries} entries (certificates and
 * unreadable items together) the source stops and says so. Both limits end in a problem that the
 * {@code unreadable-certificate} rule reports.
 *
 * @param maxFileBytes the largest certificate file read, in bytes; store exports may be a fixed multiple of it
 * @param maxEntries   the most entries one source takes in
 */
public record SourceLimits(long maxFileBytes, int maxEntries) {

    /** A store export of 16 MiB holds tens of thousands of certificates; no single certificate file comes close. */
    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
    /**
     * A large server holds some 10,000 Personal certificates (auto-enrolment leftovers) beside 1,000 intermediates
     * and 400 roots; the limit leaves room for five times that, and still bounds memory to about a gigabyte.
     */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    public SourceLimits {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the file size limit must be at least 1 byte, not " + maxFileBytes);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the entry limit must be at least 1, not " + maxEntries);
        }
    }

    /**
     * The largest store export read, {@code factor} times the file limit: an export holds a whole store, and a
     * registry export holds it as UTF-16 hexadecimal text.
     */
    public long maxExportBytes(int factor) {
        return maxFileBytes > Long.MAX_VALUE / factor ? Long.MAX_VALUE : maxFileBytes * factor;
    }

    public static SourceLimits defaults() {
        return new SourceLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ENTRIES);
    }
}
