package io.certaudit.engine;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is. The exit code and the audit status derive from the worst one. */
public enum Severity {
    /** The MTLS handshake fails or will fail: exit 2, status CRITICAL. */
    ERROR,
    /** Works today but is fragile, weak or against a recommendation: exit 1, status WARNING. */
    WARNING,
    /** Worth knowing; does not change the status. */
    INFO;

    /** {@code error}, {@code warning}, {@code info}: the form in reports and config files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromLabel(String label) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** Whether this is worse than {@code other}. */
    public boolean worseThan(Severity other) {
        return other == null || ordinal() < other.ordinal();
    }
}
