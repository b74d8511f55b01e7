package io.certaudit.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;

/** The assertions of the one-rule harness that pick a finding or read its remediation. */
class RuleTesterTest {

    private final RuleTester.Run run = RuleTester.of(new TwoUsages()).on(new HostFixture()).run().assertFailed();

    @Test
    void findingMentioningPicksTheOneFindingWhoseMessageHoldsTheWords() {
        run.findingMentioning("Client Authentication").evidence("usage", "client");
        run.findingMentioning("Server Authentication").evidence("usage", "server");
    }

    @Test
    void findingMentioningFailsWhenNoneOrSeveralMatch() {
        AssertionFailedError none = assertThrows(AssertionFailedError.class,
                () -> run.findingMentioning("Code Signing"));
        assertTrue(none.getMessage().contains("got 0"), none.getMessage());
        AssertionFailedError both = assertThrows(AssertionFailedError.class,
                () -> run.findingMentioning("Authentication"));
        assertTrue(both.getMessage().contains("got 2"), both.getMessage());
    }

    @Test
    void remediationAssertionsReadTheJoinedSteps() {
        RuleTester.FindingAssert finding = run.findingMentioning("Client Authentication");

        finding.remediationContains("Issue a certificate", "run the audit again").remediationLacks("certutil")
                .remediationStartsWith("Issue a certificate");
        assertThrows(AssertionFailedError.class, () -> finding.remediationContains("certutil"));
        assertThrows(AssertionFailedError.class, () -> finding.remediationStartsWith("Then run the audit again"));
        assertThrows(AssertionFailedError.class, () -> finding.remediationLacks("Issue a certificate"));
    }

    @RuleInfo(id = "two-usages", title = "Two usages", severity = Severity.WARNING, area = Area.INVENTORY,
            citation = "test", basis = "test",
            remediation = {"Issue a certificate valid for both usages.", "Then run the audit again."},
            description = "Reports each usage a host lacks.", evidence = "usage")
    static final class TwoUsages extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "The host lacks Server Authentication.", Map.of("usage", "server"));
            findings.addHost(null, "The host lacks Client Authentication.", Map.of("usage", "client"));
        }
    }
}
