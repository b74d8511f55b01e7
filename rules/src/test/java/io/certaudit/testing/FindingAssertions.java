package io.certaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;

/** Assertions on the findings of one rule, with messages that show what was found instead. */
public final class FindingAssertions {

    private FindingAssertions() {
    }

    /**
     * Asserts that {@code findings} is exactly one finding with this severity, store and thumbprint whose message
     * holds every one of {@code words}, and returns it.
     */
    public static Finding assertSingle(List<Finding> findings, Severity severity, StoreName store, String thumbprint,
                                       String... words) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        Finding finding = findings.get(0);
        assertFinding(finding, severity, store, thumbprint, words);
        return finding;
    }

    /** Asserts one finding's severity, store, thumbprint and the words its message must hold. */
    public static void assertFinding(Finding finding, Severity severity, StoreName store, String thumbprint,
                                     String... words) {
        assertEquals(severity, finding.severity(), () -> "severity of " + finding);
        assertEquals(store, finding.store(), () -> "store of " + finding);
        assertEquals(thumbprint, finding.thumbprint(), () -> "thumbprint of " + finding);
        for (String word : words) {
            assertTrue(finding.message().contains(word),
                    () -> "message should contain '" + word + "': " + finding.message());
        }
    }

    /** Asserts that the rule found nothing. */
    public static void assertNone(List<Finding> findings) {
        assertTrue(findings.isEmpty(), () -> "expected no finding, got " + findings);
    }
}
