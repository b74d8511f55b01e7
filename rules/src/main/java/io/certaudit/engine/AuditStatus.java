package io.certaudit.engine;

import java.util.Collection;

/** The verdict of a whole audit, and its exit code in the monitoring-plugin convention. */
public enum AuditStatus {
    OK(0), WARNING(1), CRITICAL(2);

    private final int exitCode;

    AuditStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** CRITICAL with any error, WARNING with any warning, else OK; info findings do not count. */
    public static AuditStatus of(Collection<Finding> findings) {
        AuditStatus status = OK;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR) {
                return CRITICAL;
            }
            if (finding.severity() == Severity.WARNING) {
                status = WARNING;
            }
        }
        return status;
    }
}
