package io.certaudit.agent.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.certaudit.model.NameResolution;
import io.certaudit.model.NameResolution.Outcome;
import io.certaudit.model.NameResolution.Role;

class DnsCheckTest {

    private static NameToResolve name(String name, Role role, String... expected) {
        return new NameToResolve(name, role, List.of(expected));
    }

    @Test
    void theSystemResolverAnswersForLocalhostAndNotForANameUnderInvalid() {
        // .invalid never resolves (RFC 6761 6.4); localhost is answered by the machine itself: no network needed.
        List<NameResolution> results = new DnsCheck(HostResolver.SYSTEM, DnsCheck.DEFAULT_LOOKUP_LIMIT).resolveAll(
                List.of(name("localhost", Role.POOL, "127.0.0.1"), name("bems01.example.invalid", Role.INSTANCE)));

        assertEquals(2, results.size());
        NameResolution localhost = results.get(0);
        assertEquals(Outcome.RESOLVED, localhost.outcome());
        assertTrue(localhost.addresses().contains("127.0.0.1") || localhost.addresses().contains("0:0:0:0:0:0:0:1"),
                localhost.addresses()::toString);
        assertEquals(List.of("127.0.0.1"), localhost.expectedAddresses());
        assertEquals(Role.POOL, localhost.role());
        assertNull(localhost.failureMessage());

        NameResolution invalid = results.get(1);
        assertEquals("bems01.example.invalid", invalid.name());
        assertEquals(Role.INSTANCE, invalid.role());
        assertEquals(Outcome.NOT_FOUND, invalid.outcome());
        assertTrue(invalid.addresses().isEmpty());
    }

    @Test
    void aLookupThatNeverAnswersIsRecordedAsTimedOutAndDoesNotHoldTheOthers() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        HostResolver stuck = name -> {
            if (name.startsWith("stuck")) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // Like the JDK resolver, ignore the interrupt: the check must not depend on it.
                    Thread.currentThread().interrupt();
                }
            }
            return HostResolver.SYSTEM.resolve("localhost");
        };
        try {
            List<NameResolution> results = new DnsCheck(stuck, Duration.ofMillis(200)).resolveAll(
                    List.of(name("stuck.example.com", Role.GATEWAY), name("pool.example.com", Role.POOL)));
            assertEquals(Outcome.TIMED_OUT, results.get(0).outcome());
            assertEquals(Outcome.RESOLVED, results.get(1).outcome());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aResolverThatFailsOtherwiseIsRecordedAsFailedWithItsReason() {
        HostResolver broken = name -> {
            throw new IllegalStateException("resolver configuration unreadable");
        };
        NameResolution result = new DnsCheck(broken, DnsCheck.DEFAULT_LOOKUP_LIMIT)
                .resolveAll(List.of(name("pool.example.com", Role.POOL))).get(0);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.failureMessage().contains("resolver configuration unreadable"), result.failureMessage());
    }

    @Test
    void addressLiteralsAreNormalisedAndAnythingElseIsRefusedWithoutALookup() {
        assertEquals("192.0.2.10", DnsCheck.normalizeLiteral(" 192.0.2.10 "));
        assertEquals("2001:db8:0:0:0:0:0:1", DnsCheck.normalizeLiteral("2001:DB8::1"));
        assertNull(DnsCheck.normalizeLiteral("192.0.2.300"));
        assertNull(DnsCheck.normalizeLiteral("pool.example.invalid"));
        assertNull(DnsCheck.normalizeLiteral(""));
        assertNull(DnsCheck.normalizeLiteral("2001:db8::zz"));
    }
}
