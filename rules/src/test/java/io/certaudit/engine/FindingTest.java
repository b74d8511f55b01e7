package io.certaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.certaudit.model.StoreName;

/** A finding whose remediation is its steps joined holds the steps only, and reads and compares as before. */
class FindingTest {

    private static final List<String> STEPS = List.of("Renew the certificate.", "Then restart the service.",
            "Install it with certreq -accept -machine certreq-ABC.cer.");
    private static final String JOINED = String.join(" ", STEPS);

    private static Finding finding(String remediation, List<String> steps) {
        return new Finding("key-too-short", Severity.ERROR, StoreName.MY, "ABC", "CN=x", "short key", remediation,
                Map.of("bits", "1024"), steps);
    }

    @Test
    void theJoinedTextIsMadeWhenAskedForAndNotHeld() throws Exception {
        Finding finding = finding(JOINED, STEPS);

        assertEquals(JOINED, finding.remediation());
        assertEquals(STEPS, finding.remediationSteps());
        Field held = Finding.class.getDeclaredField("remediation");
        held.setAccessible(true);
        assertNotEquals(JOINED, held.get(finding), "the joined text is not kept beside the steps");
        assertTrue(finding.toString().contains("remediation=" + JOINED));
        assertEquals(JOINED, finding.withSeverity(Severity.WARNING).remediation());
    }

    @Test
    void equalityIsThatOfTheValues() {
        Finding joined = finding(JOINED, STEPS);
        Finding withSteps = Finding.withSteps("key-too-short", Severity.ERROR, StoreName.MY, "ABC", "CN=x",
                "short key", STEPS, Map.of("bits", "1024"));

        assertEquals(joined, withSteps);
        assertEquals(joined.hashCode(), withSteps.hashCode());
        assertNotEquals(joined, finding("Something else.", STEPS));
        assertEquals("Something else.", finding("Something else.", STEPS).remediation());
        assertEquals("Renew the certificate.", finding("Renew the certificate.", List.of()).remediation());
        assertEquals(null, finding(null, STEPS).remediation());
    }

    @Test
    void isJoinedAcceptsOnlyTheStepsWithSingleSpaces() {
        assertTrue(Finding.isJoined(JOINED, STEPS));
        assertTrue(Finding.isJoined("a b", List.of("a", "b")));
        assertTrue(Finding.isJoined(" ", List.of("", "")));
        assertFalse(Finding.isJoined("a  b", List.of("a", "b")));
        assertFalse(Finding.isJoined("a b ", List.of("a", "b")));
        assertFalse(Finding.isJoined("a b", List.of("a", "b", "")));
        assertFalse(Finding.isJoined("ab", List.of("a", "b")));
        assertFalse(Finding.isJoined("a c", List.of("a", "b")));
        assertFalse(Finding.isJoined(null, List.of("a", "b")));
    }
}
