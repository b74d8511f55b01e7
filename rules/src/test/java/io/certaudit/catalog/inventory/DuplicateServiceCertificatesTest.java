package io.certaudit.catalog.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class DuplicateServiceCertificatesTest {

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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new DuplicateServiceCertificates()).on(host).run();
    }

    @Test
    void warnsForTheOldCertificateLeftBesideItsRenewalNamingTheNewest() {
        Issued old = certificate(POOL, 300, 65, POOL);
        Issued renewed = certificate(POOL, 10, 355, POOL);

        for (HostFixture host : List.of(host(old, renewed), host(renewed, old))) {
            run(host).assertFailed()
                    .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(old)
                    .messageContains(thumbprint(renewed), POOL, "may pick either", "newest")
                    .evidence("newest", thumbprint(renewed));
        }
    }

    @Test
    void withConfiguredNamesCertificatesWithDifferentCnsCoveringTheSameNameAreDuplicates() {
        Issued old = certificate("bems-2025.example.com", 300, 65, "bems-2025.example.com", POOL);
        Issued renewed = certificate("bems-2026.example.com", 10, 355, "BEMSAPPPOOL.example.com");

        RuleTester.Run findings = run(host(old, renewed).settings(s -> s.withPoolFqdn(POOL)));

        findings.assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(old)
                .messageContains(thumbprint(renewed), POOL);
    }

    @Test
    void aPairSharingSeveralNamesIsOneFindingNamingThemAll() {
        String[] names = {POOL, "bems01.example.com", "bems02.example.com"};
        Issued old = certificate(POOL, 300, 65, names);
        Issued renewed = certificate(POOL, 10, 355, names);

        RuleTester.Run findings = run(host(old, renewed).settings(s -> s.withPoolFqdn(POOL)
                .withInstanceFqdns(List.of("bems01.example.com", "bems02.example.com"))));

        findings.assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(old)
                .messageContains(thumbprint(renewed), "valid for " + POOL + ", bems01.example.com, bems02.example.com;")
                .evidence("name", POOL + ", bems01.example.com, bems02.example.com");
    }

    @Test
    void withConfiguredNamesCertificatesCoveringDifferentNamesAreNotDuplicates() {
        Issued first = certificate("bems01.example.com", 300, 65, "bems01.example.com");
        Issued second = certificate("bems02.example.com", 10, 355, "bems02.example.com");

        HostFixture host = host(first, second)
                .settings(s -> s.withInstanceFqdns(List.of("bems01.example.com", "bems02.example.com")));

        run(host).assertPassed();
    }

    @Test
    void everyOlderCertificateIsReportedAgainstTheNewest() {
        Issued oldest = certificate(POOL, 700, 30, POOL);
        Issued older = certificate(POOL, 300, 65, POOL);
        Issued newest = certificate(POOL, 10, 355, POOL);

        RuleTester.Run findings = run(host(older, newest, oldest));

        findings.assertFailed().assertFindingCount(2);
        for (Issued old : List.of(oldest, older)) {
            findings.findingAbout(old).severity(Severity.WARNING).store(StoreName.MY)
                    .messageContains(thumbprint(newest));
        }
    }

    @Test
    void anExpiredCertificateIsNotACandidate() {
        Issued expired = pki.issue(ca, pki.spec(POOL).san(POOL)
                .valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofSeconds(1))));
        Issued current = certificate(POOL, 10, 355, POOL);

        run(host(expired, current)).assertPassed();
    }

    @Test
    void aCertificateNotValidYetIsNotACandidate() {
        Issued current = certificate(POOL, 300, 65, POOL);
        Issued future = pki.issue(ca, pki.spec(POOL).san(POOL)
                .valid(NOW.plus(Duration.ofSeconds(1)), NOW.plus(Duration.ofDays(400))));

        run(host(current, future)).assertPassed();
    }

    @Test
    void differentNamesWithoutConfiguredNamesAreNotDuplicates() {
        run(host(certificate("a.example.com", 10, 300, "a.example.com"),
                certificate("b.example.com", 10, 300, "b.example.com"))).assertPassed();
    }

    @Test
    void oneServiceCertificateIsNotApplicable() {
        HostFixture host = host(certificate(POOL, 10, 300, POOL)).add(StoreName.MY, ca);

        run(host).assertNotApplicable("one certificate could serve the service: there is nothing to choose between")
                .assertNoFindings();
    }

    @Test
    void theSameCertificateReadTwiceIsNotADuplicate() throws UnreadableCertificateException {
        Issued only = certificate(POOL, 10, 355, POOL);
        PrivateKeyFacts key = PrivateKeyFacts.inFile("bems.key", "test key");
        StoredCertificate fromPfx = StoredCertificate.parse(StoreName.MY, only.der(), "certs/bems.pfx")
                .withPrivateKey(key);
        StoredCertificate fromPem = StoredCertificate.parse(StoreName.MY, only.der(), "certs/bems.pem")
                .withPrivateKey(key);

        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(fromPfx).add(fromPem))
                .assertPassed();
    }
}
