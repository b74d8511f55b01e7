package io.certaudit.catalog.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class StoreEntryTamperedTest {

    private static final String RULE = "store-entry-tampered";
    private static final String PLANTED = "AB".repeat(20);

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    @Test
    void failsForARootWhoseRegistryKeyAndStoredSha1AreNotItsOwn() {
        StoredCertificate planted = root.in(StoreName.ROOT).withPhysicalStore(".Enterprise")
                .withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(PLANTED).withRegistryKeyName(PLANTED));

        List<Finding> findings = new HostFixture().add(StoreName.CA, ca).addWithKey(leaf).add(planted)
                .findings(RULE);

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(planted.thumbprint(), finding.thumbprint());
        assertTrue(finding.message().contains("recorded SHA-1 property is " + PLANTED), finding.message());
        assertTrue(finding.message().contains("registry key name is " + PLANTED), finding.message());
        assertTrue(finding.message().contains(".Enterprise"), finding.message());
        assertEquals(PLANTED, finding.evidence().get(StoreEntryTampered.REGISTRY_KEY_NAME_EVIDENCE));
        assertEquals(planted.thumbprint(), finding.evidence().get("actualSha1"));
    }

    @Test
    void failsWhenOnlyTheKeyNameDiffers() {
        StoredCertificate entry = leaf.in(StoreName.MY)
                .withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(leaf.in(StoreName.MY).thumbprint())
                        .withRegistryKeyName(PLANTED));

        List<Finding> findings = new HostFixture().add(entry).findings(RULE);

        assertEquals(1, findings.size());
        assertFalse(findings.get(0).message().contains("SHA-1 property"), findings.get(0).message());
    }

    @Test
    void checksUserStoreCertificatesToo() {
        StoredCertificate entry = leaf.in(StoreName.MY).withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(PLANTED));

        assertEquals(1, new HostFixture().userStoreCertificate(entry).findings(RULE).size());
    }

    @Test
    void passesWhenTheRecordsMatchTheCertificateWhateverTheirCase() {
        StoredCertificate intact = root.in(StoreName.ROOT);
        String thumbprint = intact.thumbprint();
        intact = intact.withStoreEntry(StoreEntryFacts.NONE.withStoredSha1(thumbprint)
                .withRegistryKeyName(thumbprint.toLowerCase(Locale.ROOT)));

        AuditResult result = new HostFixture().add(intact).add(StoreName.CA, ca).addWithKey(leaf).audit();

        assertEquals(RuleOutcome.Result.PASSED, outcome(result).result());
    }

    @Test
    void doesNotApplyWhenTheSourceRecordedNoSha1() {
        AuditResult result = new HostFixture().chain(root, ca, leaf).audit();

        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(result).result());
    }

    private static RuleOutcome outcome(AuditResult result) {
        return result.outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow();
    }
}
