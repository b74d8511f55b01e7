package io.certaudit.catalog.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.NameResolution;
import io.certaudit.model.NameResolution.Outcome;
import io.certaudit.model.NameResolution.Role;
import io.certaudit.testing.HostFixture;

class FqdnNotResolvableTest {

    private static final String RULE = "fqdn-not-resolvable";

    private static NameResolution resolved(String name, List<String> addresses, List<String> expected) {
        return new NameResolution(name, Role.POOL, Outcome.RESOLVED, addresses, expected, null);
    }

    private static RuleOutcome.Result outcome(AuditResult result) {
        return result.outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result();
    }

    @Test
    void isNotApplicableWhenDnsWasNotChecked() {
        AuditResult result = new HostFixture().audit();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(result));
    }

    @Test
    void passesWhenEveryNameResolves() {
        AuditResult result = new HostFixture()
                .nameResolutions(List.of(resolved("pool.example.com", List.of("192.0.2.10"), List.of())))
                .audit();
        assertEquals(RuleOutcome.Result.PASSED, outcome(result));
    }

    @Test
    void aNameThatDoesNotResolveIsAnError() {
        List<Finding> findings = new HostFixture().nameResolutions(List.of(
                        resolved("pool.example.com", List.of("192.0.2.10"), List.of()),
                        new NameResolution("bems01.example.invalid", Role.INSTANCE, Outcome.NOT_FOUND, List.of(),
                                List.of(), "no such host")))
                .findings(RULE);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("instance FQDN 'bems01.example.invalid' does not resolve"),
                finding.message());
        assertEquals("not-found", finding.evidence().get("outcome"));
        assertEquals("instance", finding.evidence().get("role"));
    }

    @Test
    void aLookupThatTimesOutIsAWarningSayingTheAnswerIsUnknown() {
        List<Finding> findings = new HostFixture().nameResolutions(List.of(new NameResolution("sbc.example.com",
                        Role.GATEWAY, Outcome.TIMED_OUT, List.of(), List.of(), null)))
                .findings(RULE);
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("unknown"), findings.get(0).message());
    }

    @Test
    void aLookupTheResolverFailedIsAWarningWithItsReason() {
        List<Finding> findings = new HostFixture().nameResolutions(List.of(new NameResolution("pool.example.com",
                        Role.POOL, Outcome.FAILED, List.of(), List.of(), "SecurityException: denied")))
                .findings(RULE);
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("SecurityException: denied"), findings.get(0).message());
    }

    @Test
    void anAddressOtherThanTheExpectedOneIsAnError() {
        List<Finding> findings = new HostFixture().nameResolutions(List.of(
                        resolved("pool.example.com", List.of("192.0.2.99"), List.of("192.0.2.10"))))
                .findings(RULE);
        assertEquals(1, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("missing 192.0.2.10"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("unexpected 192.0.2.99"), findings.get(0).message());
    }

    @Test
    void theExpectedAddressesInAnotherOrderPass() {
        assertTrue(new HostFixture().nameResolutions(List.of(resolved("pool.example.com",
                        List.of("192.0.2.11", "192.0.2.10"), List.of("192.0.2.10", "192.0.2.11"))))
                .findings(RULE).isEmpty());
    }

    @Test
    void aMissingOneOfSeveralExpectedAddressesIsAnError() {
        List<Finding> findings = new HostFixture().nameResolutions(List.of(resolved("pool.example.com",
                        List.of("192.0.2.10"), List.of("192.0.2.10", "192.0.2.11"))))
                .findings(RULE);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("missing 192.0.2.11"), findings.get(0).message());
    }
}
