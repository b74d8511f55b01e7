package io.certaudit.agent.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certaudit.agent.revocation.RevocationPki.Crl;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationCheck.Status;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.RevocationSource.Kind;
import io.certaudit.model.RevocationSource.Outcome;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The checker against HTTP servers on 127.0.0.1 that the test starts, serving CRLs and OCSP answers BouncyCastle
 * makes here. Nothing leaves the machine: every URL is the loopback server's, or goes through the test's proxy.
 */
class RevocationCheckerTest {

    private static final Instant NOW = RevocationPki.NOW;
    private static final TestPki PKI = new TestPki();
    private static Issued root;
    private static Issued ca;
    private static int names;

    private RevocationServer server;

    @BeforeAll
    static void issuers() {
        root = PKI.root("Revocation Test Root");
        ca = PKI.issue(root, PKI.spec("Revocation Test CA").ca());
    }

    @BeforeEach
    void start() throws IOException {
        server = new RevocationServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Generous bounds: no test waits for them but the one that is about a timeout. */
    private static RevocationLimits limits() {
        return new RevocationLimits(32, Duration.ofSeconds(10), Duration.ofSeconds(10), 64 * 1024, Proxy.NO_PROXY);
    }

    private static Issued leafWithCrl(String... urls) {
        return PKI.issue(ca, PKI.spec("leaf" + (++names) + ".example.com").noCrlDistributionPoint()
                .extension(Extension.cRLDistributionPoints, false, RevocationPki.crlDistributionPoints(urls)));
    }

    private static Issued leafWithOcsp(String responder, String... crls) {
        TestPki.Spec spec = PKI.spec("leaf" + (++names) + ".example.com").noCrlDistributionPoint()
                .extension(Extension.authorityInfoAccess, false, RevocationPki.ocspResponder(responder));
        if (crls.length > 0) {
            spec.extension(Extension.cRLDistributionPoints, false, RevocationPki.crlDistributionPoints(crls));
        }
        return PKI.issue(ca, spec);
    }

    private static CertificateToCheck target(Issued leaf) {
        return new CertificateToCheck(RevocationPki.x509(leaf), leaf.in(StoreName.MY).thumbprint(),
                RevocationPki.x509(ca), StoreName.MY, null, List.of("LEAF"));
    }

    private static RevocationCheck checkOne(Issued leaf, RevocationLimits limits) {
        RevocationFacts facts = new RevocationChecker(limits).check(List.of(target(leaf)), NOW);
        assertTrue(facts.checked());
        assertEquals(1, facts.checks().size());
        return facts.checks().get(0);
    }

    private static RevocationSource only(RevocationCheck check) {
        assertEquals(1, check.sources().size(), check.sources().toString());
        return check.sources().get(0);
    }

    @Test
    void aCrlThatDoesNotListTheCertificateMakesItGood() {
        server.serve("/ca.crl", new Crl(ca).encoded());
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Status.GOOD, check.status());
        assertEquals(Outcome.GOOD, only(check).outcome());
        assertEquals(Kind.CRL, only(check).kind());
    }

    @Test
    void aCrlThatListsTheCertificateMakesItRevokedWithReasonAndDate() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        server.serve("/ca.crl", new Crl(ca).revoke(leaf, CRLReason.keyCompromise).encoded());
        RevocationCheck check = checkOne(leaf, limits());
        assertEquals(Status.REVOKED, check.status());
        assertEquals("keyCompromise", check.revocationReason());
        assertEquals(NOW.minus(Duration.ofDays(2)), check.revocationDate());
    }

    @Test
    void aCertificateOnHoldIsRevoked() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        server.serve("/ca.crl", new Crl(ca).revoke(leaf, CRLReason.certificateHold).encoded());
        assertEquals(Status.REVOKED, checkOne(leaf, limits()).status());
    }

    @Test
    void anExpiredCrlGivesNoAnswer() {
        server.serve("/ca.crl", new Crl(ca).nextUpdate(NOW.minus(Duration.ofHours(1))).encoded());
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Status.UNKNOWN, check.status());
        assertEquals(Outcome.EXPIRED, only(check).outcome());
    }

    @Test
    void aCrlSignedByAnotherKeyUnderTheIssuersNameIsABadSignature() {
        Issued impostor = PKI.issue(root, PKI.spec("Revocation Test CA").ca().freshKey());
        server.serve("/ca.crl", new Crl(ca).signedBy(impostor).encoded());
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Status.UNKNOWN, check.status());
        assertEquals(Outcome.BAD_SIGNATURE, only(check).outcome());
    }

    @Test
    void aCrlOfAnotherIssuerIsTheWrongIssuer() {
        Issued other = PKI.issue(root, PKI.spec("Another Test CA").ca());
        server.serve("/ca.crl", new Crl(other).encoded());
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Outcome.WRONG_ISSUER, only(check).outcome());
        assertEquals(Status.UNKNOWN, check.status());
    }

    @Test
    void aCrlForCaCertificatesOnlyDoesNotCoverALeaf() {
        server.serve("/ca.crl", new Crl(ca).extension(Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(null, false, true, null, false, false)).encoded());
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Outcome.OUT_OF_SCOPE, only(check).outcome());
        assertEquals(Status.UNKNOWN, check.status());
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        server.stalled("/ca.crl");
        RevocationLimits quick = new RevocationLimits(32, Duration.ofSeconds(10), Duration.ofMillis(200), 64 * 1024,
                Proxy.NO_PROXY);
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), quick);
        assertEquals(Outcome.TIMEOUT, only(check).outcome());
        assertEquals(Status.UNKNOWN, check.status());
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedBeforeItIsParsed() {
        server.endless("/ca.crl", 1024 * 1024);
        RevocationLimits small = new RevocationLimits(32, Duration.ofSeconds(10), Duration.ofSeconds(10), 4096,
                Proxy.NO_PROXY);
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), small);
        assertEquals(Outcome.TOO_LARGE, only(check).outcome());
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedUnread() {
        server.serve("/ca.crl", new byte[8192]);
        RevocationLimits small = new RevocationLimits(32, Duration.ofSeconds(10), Duration.ofSeconds(10), 4096,
                Proxy.NO_PROXY);
        RevocationSource source = only(checkOne(leafWithCrl(server.url("/ca.crl")), small));
        assertEquals(Outcome.TOO_LARGE, source.outcome());
        assertTrue(source.detail().contains("announced 8192"), source.detail());
    }

    @Test
    void garbageIsUnparsable() {
        server.serve("/ca.crl", "<html>not a CRL</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Outcome.UNPARSABLE, only(checkOne(leafWithCrl(server.url("/ca.crl")), limits())).outcome());
    }

    @Test
    void anHttpErrorIsReportedWithItsStatus() {
        server.status("/ca.crl", 404);
        RevocationSource source = only(checkOne(leafWithCrl(server.url("/ca.crl")), limits()));
        assertEquals(Outcome.HTTP_STATUS, source.outcome());
        assertTrue(source.detail().startsWith("HTTP 404"), source.detail());
    }

    @Test
    void aRefusedConnectionIsReportedAsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RevocationSource source = only(checkOne(leafWithCrl("http://127.0.0.1:" + closedPort + "/ca.crl"),
                limits()));
        assertEquals(Outcome.REFUSED, source.outcome());
    }

    @Test
    void aRedirectToPlainHttpIsFollowedAndOneToHttpsIsNot() {
        server.serve("/ca.crl", new Crl(ca).encoded());
        server.redirect("/old.crl", server.url("/ca.crl"));
        assertEquals(Status.GOOD, checkOne(leafWithCrl(server.url("/old.crl")), limits()).status());
        server.redirect("/tls.crl", "https://127.0.0.1:" + server.port() + "/ca.crl");
        RevocationSource source = only(checkOne(leafWithCrl(server.url("/tls.crl")), limits()));
        assertEquals(Outcome.HTTP_STATUS, source.outcome());
        assertTrue(source.detail().contains("not plain HTTP"), source.detail());
    }

    @Test
    void aDeltaCrlThatListsTheCertificateMakesItRevoked() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        server.serve("/ca.crl", new Crl(ca).number(5).freshest(server.url("/delta.crl")).encoded());
        server.serve("/delta.crl", new Crl(ca).number(6).deltaOf(5).revoke(leaf, CRLReason.superseded).encoded());
        RevocationCheck check = checkOne(leaf, limits());
        assertEquals(Status.REVOKED, check.status());
        assertEquals("superseded", check.revocationReason());
        assertEquals(List.of(Kind.CRL, Kind.DELTA_CRL), check.sources().stream().map(RevocationSource::kind).toList());
        assertEquals(Outcome.REVOKED, check.sources().get(1).outcome());
    }

    @Test
    void aDeltaCrlReleasesAHold() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        server.serve("/ca.crl", new Crl(ca).number(5).freshest(server.url("/delta.crl"))
                .revoke(leaf, CRLReason.certificateHold).encoded());
        server.serve("/delta.crl", new Crl(ca).number(6).deltaOf(5).revoke(leaf, CRLReason.removeFromCRL).encoded());
        assertEquals(Status.GOOD, checkOne(leaf, limits()).status());
    }

    @Test
    void aNamedDeltaCrlThatCannotBeFetchedLeavesTheStatusUnknown() {
        server.serve("/ca.crl", new Crl(ca).number(5).freshest(server.url("/delta.crl")).encoded());
        server.status("/delta.crl", 503);
        RevocationCheck check = checkOne(leafWithCrl(server.url("/ca.crl")), limits());
        assertEquals(Status.UNKNOWN, check.status());
        assertTrue(check.sources().get(0).detail().contains("not current without its delta CRL"),
                check.sources().get(0).detail());
        assertEquals(Outcome.HTTP_STATUS, check.sources().get(1).outcome());
    }

    @Test
    void aDeltaCrlOfANewerBaseIsNotUsed() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        server.serve("/ca.crl", new Crl(ca).number(5).freshest(server.url("/delta.crl")).encoded());
        server.serve("/delta.crl", new Crl(ca).number(8).deltaOf(7).revoke(leaf, CRLReason.superseded).encoded());
        RevocationCheck check = checkOne(leaf, limits());
        assertEquals(Status.UNKNOWN, check.status());
        assertEquals(Outcome.OUT_OF_SCOPE, check.sources().get(1).outcome());
    }

    @Test
    void ocspGoodRevokedAndUnknown() {
        Instant next = NOW.plus(Duration.ofDays(1));
        server.respond("/good", request -> RevocationPki.ocspAnswer(request, ca, CertificateStatus.GOOD, next));
        server.respond("/revoked", request -> RevocationPki.ocspAnswer(request, ca,
                new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(3))), CRLReason.keyCompromise), next));
        server.respond("/unknown", request -> RevocationPki.ocspAnswer(request, ca, new UnknownStatus(), next));

        RevocationCheck good = checkOne(leafWithOcsp(server.url("/good")), limits());
        assertEquals(Status.GOOD, good.status());
        assertEquals(Kind.OCSP, only(good).kind());
        assertTrue(server.requests.get(0).startsWith("GET /good/"), "a short request goes by GET (RFC 5019): "
                + server.requests);

        RevocationCheck revoked = checkOne(leafWithOcsp(server.url("/revoked")), limits());
        assertEquals(Status.REVOKED, revoked.status());
        assertEquals("keyCompromise", revoked.revocationReason());

        RevocationCheck unknown = checkOne(leafWithOcsp(server.url("/unknown")), limits());
        assertEquals(Status.UNKNOWN, unknown.status());
        assertEquals(Outcome.UNKNOWN_TO_RESPONDER, only(unknown).outcome());
    }

    @Test
    void aRequestTooLongForAGetUrlIsPosted() {
        String path = "/" + "r".repeat(RevocationChecker.MAX_GET_URL);
        server.respond(path, request -> RevocationPki.ocspAnswer(request, ca, CertificateStatus.GOOD,
                NOW.plus(Duration.ofDays(1))));
        assertEquals(Status.GOOD, checkOne(leafWithOcsp(server.url(path)), limits()).status());
        assertEquals(List.of("POST " + path), server.requests);
    }

    @Test
    void anExpiredOcspAnswerGivesNoAnswer() {
        server.respond("/ocsp", request -> RevocationPki.ocspAnswer(request, ca, CertificateStatus.GOOD,
                NOW.minus(Duration.ofMinutes(10))));
        assertEquals(Outcome.EXPIRED, only(checkOne(leafWithOcsp(server.url("/ocsp")), limits())).outcome());
    }

    @Test
    void aDelegatedResponderNeedsTheOcspSigningPurpose() {
        Issued responder = PKI.issue(ca, PKI.spec("Revocation Test OCSP").eku(KeyPurposeId.id_kp_OCSPSigning));
        Issued notResponder = PKI.issue(ca, PKI.spec("Revocation Test Web").eku(KeyPurposeId.id_kp_serverAuth));
        Instant next = NOW.plus(Duration.ofDays(1));
        server.respond("/delegated", request -> RevocationPki.ocspAnswer(request, responder, CertificateStatus.GOOD,
                next));
        server.respond("/impostor", request -> RevocationPki.ocspAnswer(request, notResponder,
                CertificateStatus.GOOD, next));
        assertEquals(Status.GOOD, checkOne(leafWithOcsp(server.url("/delegated")), limits()).status());
        RevocationSource source = only(checkOne(leafWithOcsp(server.url("/impostor")), limits()));
        assertEquals(Outcome.BAD_SIGNATURE, source.outcome());
        assertTrue(source.detail().contains("id-kp-OCSPSigning"), source.detail());
    }

    @Test
    void ocspIsAskedFirstAndTheCrlWhenItGivesNoAnswer() {
        server.status("/ocsp", 500);
        server.serve("/ca.crl", new Crl(ca).encoded());
        RevocationCheck check = checkOne(leafWithOcsp(server.url("/ocsp"), server.url("/ca.crl")), limits());
        assertEquals(Status.GOOD, check.status());
        assertEquals(List.of(Kind.OCSP, Kind.CRL), check.sources().stream().map(RevocationSource::kind).toList());
        assertEquals(Outcome.HTTP_STATUS, check.sources().get(0).outcome());
    }

    @Test
    void aCrlNamedByManyCertificatesIsFetchedOnce() {
        server.serve("/ca.crl", new Crl(ca).encoded());
        List<CertificateToCheck> targets = List.of(target(leafWithCrl(server.url("/ca.crl"))),
                target(leafWithCrl(server.url("/ca.crl"))), target(leafWithCrl(server.url("/ca.crl"))));
        RevocationFacts facts = new RevocationChecker(limits()).check(targets, NOW);
        assertTrue(facts.checks().stream().allMatch(check -> check.status() == Status.GOOD));
        assertEquals(1, server.count("/ca.crl"));
        assertEquals(1, facts.fetches());
    }

    @Test
    void pastTheFetchLimitNothingMoreIsFetched() {
        server.serve("/a.crl", new Crl(ca).encoded());
        server.serve("/b.crl", new Crl(ca).encoded());
        RevocationLimits one = new RevocationLimits(1, Duration.ofSeconds(10), Duration.ofSeconds(10), 64 * 1024,
                Proxy.NO_PROXY);
        RevocationFacts facts = new RevocationChecker(one).check(List.of(target(leafWithCrl(server.url("/a.crl"))),
                target(leafWithCrl(server.url("/b.crl")))), NOW);
        assertEquals(Status.GOOD, facts.checks().get(0).status());
        RevocationCheck second = facts.checks().get(1);
        assertEquals(Status.UNKNOWN, second.status());
        assertEquals(Outcome.FETCH_LIMIT, only(second).outcome());
        assertEquals(0, server.count("/b.crl"));
        assertEquals(1, facts.fetches());
        assertEquals(1, facts.fetchLimit());
    }

    @Test
    void ldapAndHttpsLocationsAreNotFetchedAndSayWhy() {
        RevocationCheck check = checkOne(leafWithCrl("ldap:///CN=Revocation%20Test%20CA,CN=CDP?certificateRevocationList",
                "https://127.0.0.1:" + server.port() + "/ca.crl"), limits());
        assertEquals(Status.UNKNOWN, check.status());
        assertEquals(List.of(Outcome.NOT_HTTP, Outcome.NOT_HTTP),
                check.sources().stream().map(RevocationSource::outcome).toList());
        assertTrue(check.sources().get(0).detail().contains("LDAP"), check.sources().get(0).detail());
        assertTrue(check.sources().get(1).detail().contains("plain HTTP"), check.sources().get(1).detail());
        assertTrue(server.requests.isEmpty(), server.requests.toString());
    }

    @Test
    void theConfiguredProxyIsAskedForTheUrl() throws IOException {
        try (RevocationServer proxy = new RevocationServer()) {
            proxy.serve("/ca.crl", new Crl(ca).encoded());
            Proxy through = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    proxy.port()));
            RevocationLimits viaProxy = new RevocationLimits(32, Duration.ofSeconds(10), Duration.ofSeconds(10),
                    64 * 1024, through);
            // A name under .invalid never resolves: only the proxy can have answered.
            RevocationCheck check = checkOne(leafWithCrl("http://crl.revocation-test.invalid/ca.crl"), viaProxy);
            assertEquals(Status.GOOD, check.status());
            assertEquals(List.of("GET http://crl.revocation-test.invalid/ca.crl"), proxy.requests);
        }
    }

    @Test
    void aCertificateWithoutIssuerOrLocationsIsUnknownAndSaysWhy() {
        Issued leaf = leafWithCrl(server.url("/ca.crl"));
        CertificateToCheck orphan = new CertificateToCheck(RevocationPki.x509(leaf), "ORPHAN", null, StoreName.MY,
                null, List.of("ORPHAN"));
        RevocationCheck check = new RevocationChecker(limits()).check(List.of(orphan), NOW).checks().get(0);
        assertEquals(Status.UNKNOWN, check.status());
        assertNotNull(check.unknownReason());
        assertTrue(check.unknownReason().contains("issuer is not on the path"), check.unknownReason());

        Issued bare = PKI.issue(ca, PKI.spec("bare.example.com").noCrlDistributionPoint());
        RevocationCheck none = checkOne(bare, limits());
        assertTrue(none.unknownReason().contains("names no OCSP responder and no CRL distribution point"),
                none.unknownReason());
        assertNull(none.revocationReason());
        assertTrue(server.requests.isEmpty());
    }
}
