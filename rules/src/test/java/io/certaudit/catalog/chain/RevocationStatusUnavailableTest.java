package io.certaudit.catalog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationCheck.Status;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.RevocationSource.Kind;
import io.certaudit.model.RevocationSource.Outcome;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;

class RevocationStatusUnavailableTest {

    private static final String RULE = "revocation-status-unavailable";

    private static RuleOutcome.Result outcome(AuditResult result) {
        return result.outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result();
    }

    @Test
    void isNotApplicableWhenRevocationWasNotCheckedAndTheSnapshotSaysWhy() {
        AuditResult result = new HostFixture().audit();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(result));
        RevocationFacts facts = result.context().snapshot().revocation();
        assertEquals(false, facts.checked());
        assertTrue(facts.notCheckedReason().contains("--check-revocation"), facts.notCheckedReason());
    }

    @Test
    void aRevokedOrGoodCertificateIsNoFindingOfThisRule() {
        AuditResult result = new HostFixture().revocation(CertificateRevokedTest.checked(
                CertificateRevokedTest.check("AAAA", StoreName.MY, null, Status.GOOD, List.of()),
                CertificateRevokedTest.check("BBBB", StoreName.CA, null, Status.REVOKED, List.of()))).audit();
        assertEquals(RuleOutcome.Result.PASSED, outcome(result));
    }

    @Test
    void namesEachUrlAndWhyItGaveNoAnswer() {
        List<RevocationSource> sources = List.of(
                new RevocationSource("http://ocsp.example.com", Kind.OCSP, Outcome.TIMEOUT, "no answer"),
                new RevocationSource("http://pki.example.com/ca.crl", Kind.CRL, Outcome.EXPIRED,
                        "nextUpdate 2026-05-01T00:00:00Z has passed"),
                new RevocationSource("ldap:///CN=Example%20CA,CN=CDP", Kind.CRL, Outcome.NOT_HTTP, "not fetched"));
        List<Finding> findings = new HostFixture().revocation(CertificateRevokedTest.checked(
                CertificateRevokedTest.check("AAAA", StoreName.MY, null, Status.UNKNOWN, sources))).findings(RULE);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.WARNING, finding.severity());
        for (String expected : List.of("http://ocsp.example.com (ocsp): timeout",
                "http://pki.example.com/ca.crl (crl): expired", "ldap:///CN=Example%20CA,CN=CDP (crl): not-http")) {
            assertTrue(finding.message().contains(expected), finding.message());
            assertTrue(finding.evidence().get("sources").contains(expected), finding.evidence().toString());
        }
    }

    @Test
    void saysWhyNoLocationCouldBeAsked() {
        RevocationCheck none = new RevocationCheck("AAAA", "CN=a", "CN=Example CA", StoreName.MY, null, List.of(),
                Status.UNKNOWN, null, null, List.of(), "it names no OCSP responder and no CRL distribution point");
        List<Finding> findings = new HostFixture().revocation(CertificateRevokedTest.checked(none)).findings(RULE);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("names no OCSP responder"), findings.get(0).message());
    }
}
