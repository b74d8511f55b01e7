package io.certaudit.catalog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationCheck.Status;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.RevocationSource.Kind;
import io.certaudit.model.RevocationSource.Outcome;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;

class CertificateRevokedTest {

    private static final String RULE = "certificate-revoked";
    private static final String CRL = "http://pki.example.com/ca.crl";

    static RevocationCheck check(String thumbprint, StoreName store, PeerAddress peer, Status status,
                                 List<RevocationSource> sources) {
        return new RevocationCheck(thumbprint, "CN=" + thumbprint.toLowerCase() + ".example.com", "CN=Example CA",
                store, peer, List.of("AAAA"), status, status == Status.REVOKED ? "keyCompromise" : null,
                status == Status.REVOKED ? Instant.parse("2026-05-30T12:00:00Z") : null, sources, null);
    }

    static RevocationFacts checked(RevocationCheck... checks) {
        return new RevocationFacts(true, null, List.of(checks), 1, 32);
    }

    private static RuleOutcome.Result outcome(AuditResult result) {
        return result.outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result();
    }

    @Test
    void isNotApplicableWhenRevocationWasNotChecked() {
        AuditResult result = new HostFixture().audit();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(result));
    }

    @Test
    void passesWhenEveryCertificateIsGood() {
        AuditResult result = new HostFixture().revocation(checked(check("AAAA", StoreName.MY, null, Status.GOOD,
                List.of(new RevocationSource(CRL, Kind.CRL, Outcome.GOOD, "not listed"))))).audit();
        assertEquals(RuleOutcome.Result.PASSED, outcome(result));
    }

    @Test
    void aRevokedServiceCertificateIsAnErrorWithReasonAndDate() {
        List<Finding> findings = new HostFixture().revocation(checked(
                check("AAAA", StoreName.MY, null, Status.REVOKED,
                        List.of(new RevocationSource(CRL, Kind.CRL, Outcome.REVOKED, "listed"))),
                check("BBBB", StoreName.CA, null, Status.GOOD, List.of()))).findings(RULE);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("AAAA", finding.thumbprint());
        assertEquals(StoreName.MY, finding.store());
        assertEquals("keyCompromise", finding.evidence().get("reason"));
        assertEquals("2026-05-30T12:00:00Z", finding.evidence().get("revokedAt"));
        assertTrue(finding.message().contains("is revoked (keyCompromise)"), finding.message());
    }

    @Test
    void aRevokedPeerCertificateNamesThePeer() {
        PeerAddress peer = new PeerAddress("lyncpool.example.com", 5061);
        List<Finding> findings = new HostFixture().revocation(checked(check("CCCC", null, peer, Status.REVOKED,
                List.of()))).findings(RULE);
        assertEquals(1, findings.size());
        assertNull(findings.get(0).store());
        assertEquals("lyncpool.example.com:5061", findings.get(0).evidence().get("peer"));
    }
}
