package io.certaudit.catalog.inventory;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class StoreEntryTamperedTest {

    private static final String PLANTED = "AB".repeat(20);

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new StoreEntryTampered()).on(host).run();
    }

    @Test
    void failsForARootWhoseRegistryKeyAndStoredSha1AreNotItsOwn() {
        StoredCertificate planted = root.in(StoreName.ROOT).withPhysicalStore(".Enterprise")
                .withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(PLANTED).withRegistryKeyName(PLANTED));

        run(new HostFixture().add(StoreName.CA, ca).addWithKey(leaf).add(planted))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).thumbprint(planted.thumbprint())
                .messageContains("recorded SHA-1 property is " + PLANTED, "registry key name is " + PLANTED,
                        ".Enterprise")
                .evidence(StoreEntryTampered.REGISTRY_KEY_NAME_EVIDENCE, PLANTED)
                .evidence("actualSha1", planted.thumbprint());
    }

    @Test
    void failsWhenOnlyTheKeyNameDiffers() {
        StoredCertificate entry = leaf.in(StoreName.MY)
                .withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(leaf.in(StoreName.MY).thumbprint())
                        .withRegistryKeyName(PLANTED));

        run(new HostFixture().add(entry)).assertFailed()
                .onlyFinding().about(leaf).messageLacks("SHA-1 property");
    }

    @Test
    void checksUserStoreCertificatesToo() {
        StoredCertificate entry = leaf.in(StoreName.MY).withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(PLANTED));

        run(new HostFixture().userStoreCertificate(entry)).assertFailed().onlyFinding().about(leaf);
    }

    @Test
    void passesWhenTheRecordsMatchTheCertificateWhateverTheirCase() {
        StoredCertificate intact = root.in(StoreName.ROOT);
        String thumbprint = intact.thumbprint();
        intact = intact.withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(thumbprint)
                .withRegistryKeyName(thumbprint.toLowerCase(Locale.ROOT)));

        run(new HostFixture().add(intact).add(StoreName.CA, ca).addWithKey(leaf)).assertPassed();
    }

    @Test
    void doesNotApplyWhenTheSourceRecordedNoSha1() {
        run(new HostFixture().chain(root, ca, leaf))
                .assertNotApplicable("no source recorded a store entry's SHA-1 property or registry key name");
    }
}
