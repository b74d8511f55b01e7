package io.certaudit.chain;

/** The verdict on one certificate's path. */
public enum ChainStatus {
    /** The path ends at a self-signed certificate present in Trusted Root. */
    COMPLETE("complete"),
    /** The path ends at a self-signed certificate that is not in Trusted Root. */
    UNTRUSTED_ROOT("untrusted-root"),
    /** An issuer is missing from every store: the path stops short of a self-signed root. */
    INCOMPLETE("incomplete");

    private final String label;

    ChainStatus(String label) {
        this.label = label;
    }

    /** The form used in reports: {@code complete}, {@code incomplete}, {@code untrusted-root}. */
    public String label() {
        return label;
    }
}
