package io.certaudit.catalog.chain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

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
import io.certaudit.testing.RuleTester;

class CertificateRevokedTest {

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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateRevoked()).on(host).run();
    }

    @Test
    void isNotApplicableWhenRevocationWasNotChecked() {
        run(new HostFixture()).assertNotApplicable("revocation is checked only with --check-revocation");
    }

    @Test
    void passesWhenEveryCertificateIsGood() {
        run(new HostFixture().revocation(checked(check("AAAA", StoreName.MY, null, Status.GOOD,
                List.of(new RevocationSource(CRL, Kind.CRL, Outcome.GOOD, "not listed")))))).assertPassed();
    }

    @Test
    void aRevokedServiceCertificateIsAnErrorWithReasonAndDate() {
        run(new HostFixture().revocation(checked(
                check("AAAA", StoreName.MY, null, Status.REVOKED,
                        List.of(new RevocationSource(CRL, Kind.CRL, Outcome.REVOKED, "listed"))),
                check("BBBB", StoreName.CA, null, Status.GOOD, List.of()))))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).thumbprint("AAAA").store(StoreName.MY)
                .evidence("reason", "keyCompromise")
                .evidence("revokedAt", "2026-05-30T12:00:00Z")
                .messageContains("is revoked (keyCompromise)");
    }

    @Test
    void aRevokedPeerCertificateNamesThePeer() {
        PeerAddress peer = new PeerAddress("lyncpool.example.com", 5061);

        run(new HostFixture().revocation(checked(check("CCCC", null, peer, Status.REVOKED, List.of()))))
                .assertFailed()
                .onlyFinding().store(null).evidence("peer", "lyncpool.example.com:5061");
    }
}
