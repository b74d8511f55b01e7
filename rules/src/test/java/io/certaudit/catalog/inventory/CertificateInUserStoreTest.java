package io.certaudit.catalog.inventory;

import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UserStoreRead;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CertificateInUserStore()).on(host).run();
    }

    @Test
    void failsForAServiceCertificateInAUserStoreAndNotInTheMachineStore() {
        run(hostWithoutServiceCertificate().userStoreCertificate(inUserStore(service, "CurrentUser\\MY")))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR)
                .messageContains("is in CurrentUser\\MY, a user's Personal store")
                .evidence("userStore", "CurrentUser\\MY");
    }

    @Test
    void aCopyThatIsAlsoInTheMachineStoreIsFine() {
        run(new HostFixture().chain(root, ca, service).userStoreCertificate(inUserStore(service, "CurrentUser\\MY")))
                .assertNoFindings();
    }

    @Test
    void certificatesThatWouldNotServeTheServiceAreIgnored() {
        Issued email = pki.issue(ca, pki.spec("Alice").eku(KeyPurposeId.id_kp_emailProtection));
        Issued other = pki.issue(ca, pki.spec("other.contoso.com").san("other.contoso.com"));

        run(hostWithoutServiceCertificate()
                .userStoreCertificate(inUserStore(email, "CurrentUser\\MY"))
                .userStoreCertificate(inUserStore(ca, "CurrentUser\\MY")))
                .assertNoFindings();
        // Names configured: only those count.
        run(hostWithoutServiceCertificate()
                .userStoreCertificate(inUserStore(other, "CurrentUser\\MY"))
                .settings(s -> s.withPoolFqdn("bems.contoso.com")))
                .assertNoFindings();
    }

    @Test
    void warnsWhenAUserStoreExistsButCouldNotBeRead() {
        run(hostWithoutServiceCertificate().userStoreRead(DENIED))
                .assertFailed()
                .onlyFinding().severity(Severity.WARNING)
                .messageContains("Users\\S-1-5-20\\MY: not readable: 5 (Access is denied.)",
                        "run the audit as administrator");
    }

    @Test
    void warnsWhenAUserStoreCouldNotBeReadToItsEndButNotWhenItIsAbsent() {
        run(hostWithoutServiceCertificate()
                .userStoreRead(new UserStoreRead("Services\\BEMS\\MY", UserStoreRead.Outcome.READ_PARTIALLY, 3,
                        "0x8009200F (An error occurred)", Map.of()))
                .userStoreRead(new UserStoreRead("Users\\S-1-5-19\\MY", UserStoreRead.Outcome.ABSENT, 0,
                        "0x80092004 (Cannot find object or property.)", Map.of())))
                .assertFailed()
                .onlyFinding().messageContains("Services\\BEMS\\MY: not readable to its end: enumerating it "
                        + "failed after 3 certificate(s)");
    }

    @Test
    void anElevatedAuditIsNotToldToRunAsAdministrator() {
        run(hostWithoutServiceCertificate().auditElevated(Tristate.YES).userStoreRead(DENIED))
                .assertFailed()
                .onlyFinding().messageLacks("run the audit as administrator");
    }

    @Test
    void doesNotApplyWhenTheSourceReadNoUserStore() {
        run(new HostFixture().chain(root, ca, service))
                .assertNotApplicable("the source read no user store (only the live Windows source does)");
    }
}
