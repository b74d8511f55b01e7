package io.certaudit.catalog;

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
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;

/** The check every rule test runs through: a rule that emits an evidence key it did not declare fails. */
class EvidenceContractTest {

    @Test
    void aRuleEmittingAnUndeclaredKeyFailsItsTest() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleTester.of(new LeaksAKey()).on(new HostFixture()).run());
        assertTrue(e.getMessage().contains("[secret]"), e.getMessage());
    }

    @Test
    void declaredKeysAndThePeerKeyPass() {
        RuleTester.of(new DeclaresItsKey()).on(new HostFixture()).run().assertFailed()
                .onlyFinding().evidence("declared", "yes");
    }

    @RuleInfo(id = "leaks-a-key", title = "Leaks", severity = Severity.INFO, area = Area.INVENTORY,
            citation = "test", basis = "test", remediation = "None.", description = "Emits an undeclared key.",
            evidence = "declared")
    static final class LeaksAKey extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "found", Map.of("declared", "yes", "secret", "no"));
        }
    }

    @RuleInfo(id = "declares-its-key", title = "Declares", severity = Severity.INFO, area = Area.INVENTORY,
            citation = "test", basis = "test", remediation = "None.", description = "Emits a declared key.",
            evidence = "declared")
    static final class DeclaresItsKey extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "found", Map.of("declared", "yes"));
        }
    }
}
