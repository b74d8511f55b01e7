package io.certaudit.catalog.names;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.NameResolution;
import io.certaudit.model.NameResolution.Outcome;
import io.certaudit.model.NameResolution.Role;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;

class FqdnNotResolvableTest {

    private static NameResolution resolved(String name, List<String> addresses, List<String> expected) {
        return new NameResolution(name, Role.POOL, Outcome.RESOLVED, addresses, expected, null);
    }

    private static RuleTester.Run resolving(NameResolution... resolutions) {
        return RuleTester.of(new FqdnNotResolvable())
                .on(new HostFixture().nameResolutions(List.of(resolutions))).run();
    }

    @Test
    void isNotApplicableWhenDnsWasNotChecked() {
        RuleTester.of(new FqdnNotResolvable()).on(new HostFixture()).run()
                .assertNotApplicable("the source checked no name in DNS");
    }

    @Test
    void passesWhenEveryNameResolves() {
        resolving(resolved("pool.example.com", List.of("192.0.2.10"), List.of())).assertPassed();
    }

    @Test
    void aNameThatDoesNotResolveIsAnError() {
        resolving(resolved("pool.example.com", List.of("192.0.2.10"), List.of()),
                new NameResolution("bems01.example.invalid", Role.INSTANCE, Outcome.NOT_FOUND, List.of(), List.of(),
                        "no such host"))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR)
                .messageContains("instance FQDN 'bems01.example.invalid' does not resolve")
                .evidence("outcome", "not-found")
                .evidence("role", "instance");
    }

    @Test
    void aLookupThatTimesOutIsAWarningSayingTheAnswerIsUnknown() {
        resolving(new NameResolution("sbc.example.com", Role.GATEWAY, Outcome.TIMED_OUT, List.of(), List.of(), null))
                .assertFailed()
                .onlyFinding().severity(Severity.WARNING).messageContains("unknown");
    }

    @Test
    void aLookupTheResolverFailedIsAWarningWithItsReason() {
        resolving(new NameResolution("pool.example.com", Role.POOL, Outcome.FAILED, List.of(), List.of(),
                "SecurityException: denied"))
                .assertFailed()
                .onlyFinding().severity(Severity.WARNING).messageContains("SecurityException: denied");
    }

    @Test
    void anAddressOtherThanTheExpectedOneIsAnError() {
        resolving(resolved("pool.example.com", List.of("192.0.2.99"), List.of("192.0.2.10")))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).messageContains("missing 192.0.2.10", "unexpected 192.0.2.99");
    }

    @Test
    void theExpectedAddressesInAnotherOrderPass() {
        resolving(resolved("pool.example.com", List.of("192.0.2.11", "192.0.2.10"),
                List.of("192.0.2.10", "192.0.2.11"))).assertPassed();
    }

    @Test
    void aMissingOneOfSeveralExpectedAddressesIsAnError() {
        resolving(resolved("pool.example.com", List.of("192.0.2.10"), List.of("192.0.2.10", "192.0.2.11")))
                .assertFailed()
                .onlyFinding().messageContains("missing 192.0.2.11");
    }
}
