package io.certaudit.catalog.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UserStoreRead;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CertificateInUserStoreTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued service = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private static final UserStoreRead DENIED = new UserStoreRead("Users\\S-1-5-20\\MY",
            UserStoreRead.Outcome.NOT_READABLE, 0, "5 (Access is denied.)", Map.of());

    private static StoredCertificate inUserStore(Issued certificate, String store) {
        return certificate.in(StoreName.MY).withUserStore(store);
    }

    private HostFixture hostWithoutServiceCertificate() {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .userStoreRead(new UserStoreRead("CurrentUser\\MY", UserStoreRead.Outcome.READ, 1, null, Map.of()));
    }

    @Test
    void failsForAServiceCertificateInAUserStoreAndNotInTheMachineStore() {
        List<Finding> findings = hostWithoutServiceCertificate()
                .userStoreCertificate(inUserStore(service, "CurrentUser\\MY"))
                .findings("certificate-in-user-store");
        assertEquals(1, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("is in CurrentUser\\MY, a user's Personal store"),
                findings.get(0).message());
        assertEquals("CurrentUser\\MY", findings.get(0).evidence().get("userStore"));
    }

    @Test
    void aCopyThatIsAlsoInTheMachineStoreIsFine() {
        assertTrue(new HostFixture().chain(root, ca, service)
                .userStoreCertificate(inUserStore(service, "CurrentUser\\MY"))
                .findings("certificate-in-user-store").isEmpty());
    }

    @Test
    void certificatesThatWouldNotServeTheServiceAreIgnored() {
        Issued email = pki.issue(ca, pki.spec("Alice").eku(KeyPurposeId.id_kp_emailProtection));
        Issued other = pki.issue(ca, pki.spec("other.contoso.com").san("other.contoso.com"));
        assertTrue(hostWithoutServiceCertificate()
                .userStoreCertificate(inUserStore(email, "CurrentUser\\MY"))
                .userStoreCertificate(inUserStore(ca, "CurrentUser\\MY"))
                .findings("certificate-in-user-store").isEmpty());
        assertTrue(hostWithoutServiceCertificate()
                .userStoreCertificate(inUserStore(other, "CurrentUser\\MY"))
                .settings(s -> s.withPoolFqdn("bems.contoso.com"))
                .findings("certificate-in-user-store").isEmpty(), "names configured: only those count");
    }

    @Test
    void warnsWhenAUserStoreExistsButCouldNotBeRead() {
        List<Finding> findings = hostWithoutServiceCertificate()
                .userStoreRead(DENIED)
                .findings("certificate-in-user-store");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("Users\\S-1-5-20\\MY: not readable: 5 (Access is denied.)"),
                findings.get(0).message());
        assertTrue(findings.get(0).message().contains("run the audit as administrator"));
    }

    @Test
    void warnsWhenAUserStoreCouldNotBeReadToItsEndButNotWhenItIsAbsent() {
        List<Finding> findings = hostWithoutServiceCertificate()
                .userStoreRead(new UserStoreRead("Services\\BEMS\\MY", UserStoreRead.Outcome.READ_PARTIALLY, 3,
                        "0x8009200F (An error occurred)", Map.of()))
                .userStoreRead(new UserStoreRead("Users\\S-1-5-19\\MY", UserStoreRead.Outcome.ABSENT, 0,
                        "0x80092004 (Cannot find object or property.)", Map.of()))
                .findings("certificate-in-user-store");
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("Services\\BEMS\\MY: not readable to its end: enumerating it "
                + "failed after 3 certificate(s)"), findings.get(0).message());
    }

    @Test
    void anElevatedAuditIsNotToldToRunAsAdministrator() {
        List<Finding> findings = hostWithoutServiceCertificate()
                .auditElevated(Tristate.YES)
                .userStoreRead(DENIED)
                .findings("certificate-in-user-store");
        assertEquals(1, findings.size());
        assertFalse(findings.get(0).message().contains("run the audit as administrator"),
                findings.get(0).message());
    }

    @Test
    void doesNotApplyWhenTheSourceReadNoUserStore() {
        RuleOutcome outcome = new HostFixture().chain(root, ca, service).audit().outcomes().stream()
                .filter(o -> o.rule().equals("certificate-in-user-store")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }
}
