package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    void namesTheStatusCountsAndTheWorstFinding() {
        AuditReport report = ReportScenarios.brokenMtls();
        String line = StatusLine.of(report);
        // The old and the new certificate share the pool and two instance names: one duplicate warning, not three.
        assertTrue(line.startsWith("CERTAUDIT CRITICAL - 4 errors, 3 warnings on bems01.contoso.com: "
                + "chain-incomplete on bemsapppool.contoso.com and 6 more"), line);
        assertTrue(line.endsWith("(2 service certificates, 5 certificates audited at 2026-06-01T12:00:00Z)"), line);
        assertTrue(line.length() <= StatusLine.MAX_LENGTH, line);
    }

    @Test
    void aHealthyHostIsShort() {
        assertEquals("CERTAUDIT OK - 0 errors, 0 warnings on bems02.contoso.com (1 service certificate, "
                + "3 certificates audited at 2026-06-01T12:00:00Z)", StatusLine.of(ReportScenarios.healthy()));
    }

    @Test
    void aPeerFindingNamesThePeer() {
        assertTrue(StatusLine.of(ReportScenarios.withPeers()).startsWith("CERTAUDIT CRITICAL - 1 error, 1 warning on "
                + "bems02.contoso.com: peer-does-not-accept-issuer on lyncpool.contoso.com:5061 and 1 more"));
    }

    @Test
    void longNamesAreShortenedToFitOneLine() {
        String longName = "a".repeat(60) + "." + "b".repeat(60) + ".example.com";
        AuditReport report = ReportScenarios.withServiceCertificateNamed(longName);
        String line = StatusLine.of(report);
        assertTrue(line.length() <= StatusLine.MAX_LENGTH, () -> line.length() + ": " + line);
        assertTrue(line.startsWith("CERTAUDIT "), line);
        String longer = StatusLine.of(ReportScenarios.withServiceCertificateNamed(longName + longName + longName));
        assertTrue(longer.length() <= StatusLine.MAX_LENGTH, longer);
    }

    @Test
    void controlCharactersAndThePerformanceDataSeparatorAreReplaced() {
        for (String name : List.of("evil\nCERTAUDIT OK", "evil | errors=0", "evil\u001b[0m\r")) {
            String line = StatusLine.of(ReportScenarios.withServiceCertificateNamed(name));
            assertEquals(1, line.lines().count(), line);
            assertFalse(line.contains("|") || line.chars().anyMatch(Character::isISOControl), line);
        }
    }
}
