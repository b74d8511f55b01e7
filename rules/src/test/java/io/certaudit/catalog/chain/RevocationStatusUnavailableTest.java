package io.certaudit.catalog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationCheck.Status;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.RevocationSource.Kind;
import io.certaudit.model.RevocationSource.Outcome;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;

class RevocationStatusUnavailableTest {

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new RevocationStatusUnavailable()).on(host).run();
    }

    @Test
    void isNotApplicableWhenRevocationWasNotCheckedAndTheSnapshotSaysWhy() {
        HostFixture host = new HostFixture();

        run(host).assertNotApplicable("revocation is checked only with --check-revocation");
        RevocationFacts facts = host.snapshot().revocation();
        assertEquals(false, facts.checked());
        assertTrue(facts.notCheckedReason().contains("--check-revocation"), facts.notCheckedReason());
    }

    @Test
    void aRevokedOrGoodCertificateIsNoFindingOfThisRule() {
        run(new HostFixture().revocation(CertificateRevokedTest.checked(
                CertificateRevokedTest.check("AAAA", StoreName.MY, null, Status.GOOD, List.of()),
                CertificateRevokedTest.check("BBBB", StoreName.CA, null, Status.REVOKED, List.of()))))
                .assertPassed();
    }

    @Test
    void namesEachUrlAndWhyItGaveNoAnswer() {
        List<RevocationSource> sources = List.of(
                new RevocationSource("http://ocsp.example.com", Kind.OCSP, Outcome.TIMEOUT, "no answer"),
                new RevocationSource("http://pki.example.com/ca.crl", Kind.CRL, Outcome.EXPIRED,
                        "nextUpdate 2026-05-01T00:00:00Z has passed"),
                new RevocationSource("ldap:///CN=Example%20CA,CN=CDP", Kind.CRL, Outcome.NOT_HTTP, "not fetched"));

        RuleTester.FindingAssert finding = run(new HostFixture().revocation(CertificateRevokedTest.checked(
                CertificateRevokedTest.check("AAAA", StoreName.MY, null, Status.UNKNOWN, sources))))
                .assertFailed()
                .onlyFinding().severity(Severity.WARNING);
        for (String expected : List.of("http://ocsp.example.com (ocsp): timeout",
                "http://pki.example.com/ca.crl (crl): expired", "ldap:///CN=Example%20CA,CN=CDP (crl): not-http")) {
            finding.messageContains(expected).evidenceContains("sources", expected);
        }
    }

    @Test
    void saysWhyNoLocationCouldBeAsked() {
        RevocationCheck none = new RevocationCheck("AAAA", "CN=a", "CN=Example CA", StoreName.MY, null, List.of(),
                Status.UNKNOWN, null, null, List.of(), "it names no OCSP responder and no CRL distribution point");

        run(new HostFixture().revocation(CertificateRevokedTest.checked(none))).assertFailed()
                .onlyFinding().messageContains("names no OCSP responder");
    }
}
