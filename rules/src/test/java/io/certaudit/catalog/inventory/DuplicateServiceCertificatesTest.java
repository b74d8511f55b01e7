package io.certaudit.catalog.inventory;

import static io.certaudit.testing.FindingAssertions.assertFinding;
import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class DuplicateServiceCertificatesTest {

    private static final String RULE = "duplicate-service-certificates";
    private static final Instant NOW = TestPki.NOW;
    private static final String POOL = "bemsapppool.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private Issued certificate(String cn, long fromDaysAgo, long untilDaysAhead, String... sans) {
        return pki.issue(ca, pki.spec(cn).san(sans)
                .valid(NOW.minus(Duration.ofDays(fromDaysAgo)), NOW.plus(Duration.ofDays(untilDaysAhead))));
    }

    private HostFixture host(Issued... personal) {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca);
        for (Issued certificate : personal) {
            host.addWithKey(certificate);
        }
        return host;
    }

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    @Test
    void warnsForTheOldCertificateLeftBesideItsRenewalNamingTheNewest() {
        Issued old = certificate(POOL, 300, 65, POOL);
        Issued renewed = certificate(POOL, 10, 355, POOL);

        for (HostFixture host : List.of(host(old, renewed), host(renewed, old))) {
            Finding finding = assertSingle(host.findings(RULE), Severity.WARNING, StoreName.MY, thumbprint(old),
                    thumbprint(renewed), POOL, "may pick either", "newest");
            assertEquals(thumbprint(renewed), finding.evidence().get("newest"));
        }
    }

    @Test
    void withConfiguredNamesCertificatesWithDifferentCnsCoveringTheSameNameAreDuplicates() {
        Issued old = certificate("bems-2025.example.com", 300, 65, "bems-2025.example.com", POOL);
        Issued renewed = certificate("bems-2026.example.com", 10, 355, "BEMSAPPPOOL.example.com");

        List<Finding> findings = host(old, renewed).settings(s -> s.withPoolFqdn(POOL)).findings(RULE);

        assertSingle(findings, Severity.WARNING, StoreName.MY, thumbprint(old), thumbprint(renewed), POOL);
    }

    @Test
    void aPairSharingSeveralNamesIsOneFindingNamingThemAll() {
        String[] names = {POOL, "bems01.example.com", "bems02.example.com"};
        Issued old = certificate(POOL, 300, 65, names);
        Issued renewed = certificate(POOL, 10, 355, names);

        List<Finding> findings = host(old, renewed).settings(s -> s.withPoolFqdn(POOL)
                .withInstanceFqdns(List.of("bems01.example.com", "bems02.example.com"))).findings(RULE);

        Finding finding = assertSingle(findings, Severity.WARNING, StoreName.MY, thumbprint(old), thumbprint(renewed),
                "valid for " + POOL + ", bems01.example.com, bems02.example.com;");
        assertEquals(POOL + ", bems01.example.com, bems02.example.com", finding.evidence().get("name"));
    }

    @Test
    void withConfiguredNamesCertificatesCoveringDifferentNamesAreNotDuplicates() {
        Issued first = certificate("bems01.example.com", 300, 65, "bems01.example.com");
        Issued second = certificate("bems02.example.com", 10, 355, "bems02.example.com");

        HostFixture host = host(first, second)
                .settings(s -> s.withInstanceFqdns(List.of("bems01.example.com", "bems02.example.com")));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void everyOlderCertificateIsReportedAgainstTheNewest() {
        Issued oldest = certificate(POOL, 700, 30, POOL);
        Issued older = certificate(POOL, 300, 65, POOL);
        Issued newest = certificate(POOL, 10, 355, POOL);

        List<Finding> findings = host(older, newest, oldest).findings(RULE);

        assertEquals(2, findings.size(), findings::toString);
        List<String> reported = findings.stream().map(Finding::thumbprint).sorted().toList();
        assertEquals(java.util.stream.Stream.of(thumbprint(oldest), thumbprint(older)).sorted().toList(), reported);
        for (Finding finding : findings) {
            assertFinding(finding, Severity.WARNING, StoreName.MY, finding.thumbprint(), thumbprint(newest));
        }
    }

    @Test
    void anExpiredCertificateIsNotACandidate() {
        Issued expired = pki.issue(ca, pki.spec(POOL).san(POOL)
                .valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofSeconds(1))));
        Issued current = certificate(POOL, 10, 355, POOL);

        assertNone(host(expired, current).findings(RULE));
    }

    @Test
    void aCertificateNotValidYetIsNotACandidate() {
        Issued current = certificate(POOL, 300, 65, POOL);
        Issued future = pki.issue(ca, pki.spec(POOL).san(POOL)
                .valid(NOW.plus(Duration.ofSeconds(1)), NOW.plus(Duration.ofDays(400))));

        assertNone(host(current, future).findings(RULE));
    }

    @Test
    void differentNamesWithoutConfiguredNamesAreNotDuplicates() {
        assertNone(host(certificate("a.example.com", 10, 300, "a.example.com"),
                certificate("b.example.com", 10, 300, "b.example.com")).findings(RULE));
    }

    @Test
    void oneServiceCertificateIsNotApplicable() {
        HostFixture host = host(certificate(POOL, 10, 300, POOL)).add(StoreName.MY, ca);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }

    @Test
    void theSameCertificateReadTwiceIsNotADuplicate() throws UnreadableCertificateException {
        Issued only = certificate(POOL, 10, 355, POOL);
        PrivateKeyFacts key = PrivateKeyFacts.inFile("bems.key", "test key");
        StoredCertificate fromPfx = StoredCertificate.parse(StoreName.MY, only.der(), "certs/bems.pfx")
                .withPrivateKey(key);
        StoredCertificate fromPem = StoredCertificate.parse(StoreName.MY, only.der(), "certs/bems.pem")
                .withPrivateKey(key);

        assertNone(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(fromPfx).add(fromPem)
                .findings(RULE));
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }
}
