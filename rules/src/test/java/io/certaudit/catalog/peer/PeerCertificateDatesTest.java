package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * {@code peer-certificate-expired}, {@code peer-certificate-expiring} and {@code peer-certificate-not-yet-valid}, over
 * the certificates the peer sent.
 */
class PeerCertificateDatesTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued ca = pki.issue(root, pki.spec("Contoso Issuing CA").ca());

    private Issued leafValidUntil(Duration afterNow) {
        return pki.issue(ca, pki.spec("pool.contoso.com").san("pool.contoso.com")
                .valid(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(afterNow)));
    }

    private static List<Finding> findings(Issued leaf, Issued ca, String rule) {
        return new HostFixture().peer(PeerObservations.sent(leaf, ca)).findings(rule);
    }

    @Test
    void anExpiredPeerCertificateIsAnErrorAndNotAlsoExpiring() {
        Issued expired = leafValidUntil(Duration.ofDays(-1));

        List<Finding> findings = findings(expired, ca, "peer-certificate-expired");
        assertEquals(1, findings.size());
        assertEquals(expired.in(StoreName.CA).thumbprint(), findings.get(0).thumbprint());
        assertTrue(findings.get(0).message().contains("sent by peer pool.contoso.com:5061"), findings.get(0).message());
        assertTrue(findings(expired, ca, "peer-certificate-expiring").isEmpty());
    }

    @Test
    void aPeerCertificateExpiringWithinTheHorizonIsAWarning() {
        Issued soon = leafValidUntil(Duration.ofDays(10));

        List<Finding> findings = findings(soon, ca, "peer-certificate-expiring");
        assertEquals(1, findings.size());
        assertEquals("10", findings.get(0).evidence().get("daysLeft"));
        assertTrue(findings(soon, ca, "peer-certificate-expired").isEmpty());
    }

    @Test
    void aPeerCertificateValidBeyondTheHorizonPasses() {
        Issued later = leafValidUntil(Duration.ofDays(90));

        assertTrue(findings(later, ca, "peer-certificate-expired").isEmpty());
        assertTrue(findings(later, ca, "peer-certificate-expiring").isEmpty());
        assertTrue(findings(later, ca, "peer-certificate-not-yet-valid").isEmpty());
    }

    @Test
    void aPeerCertificateWhoseValidityStartsLaterIsAnError() {
        Issued future = pki.issue(ca, pki.spec("pool.contoso.com").san("pool.contoso.com")
                .valid(TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(400))));

        List<Finding> findings = findings(future, ca, "peer-certificate-not-yet-valid");
        assertEquals(1, findings.size());
        assertEquals(future.in(StoreName.CA).thumbprint(), findings.get(0).thumbprint());
        assertEquals(TestPki.NOW.plus(Duration.ofDays(2)).toString(), findings.get(0).evidence().get("notBefore"));
        assertTrue(findings.get(0).message().contains("sent by peer pool.contoso.com:5061"), findings.get(0).message());
        assertTrue(findings(future, ca, "peer-certificate-expired").isEmpty());
    }
}
