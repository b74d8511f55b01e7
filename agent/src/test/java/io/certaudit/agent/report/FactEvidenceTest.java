package io.certaudit.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UserStoreRead;
import io.certaudit.testing.TestPki;

/** The typed facts reach the report in the same words the report has always used for them. */
class FactEvidenceTest {

    private final TestPki pki = new TestPki();
    private final StoredCertificate leaf = pki.issue(pki.root("Facts Root"), pki.spec("facts.example.com"))
            .in(StoreName.MY);

    @Test
    void theChainEnginesVerdictIsSpelledAsBefore() {
        Map<String, String> properties = FactEvidence.properties(leaf.withOsChainVerdict(
                OsChainVerdict.built(0x00010020 | 0x40000000, 0x100, List.of("AA", "BB"))));
        assertEquals(Map.of("osChainErrorStatus", "0x40010020",
                "osChainErrors", "IS_UNTRUSTED_ROOT, IS_PARTIAL_CHAIN, 0x40000000",
                "osChainInfoStatus", "0x00000100", "osChainPath", "AA > BB"), properties);
        assertEquals(Map.of("osChainErrors", "none", "osChainErrorStatus", "0x00000000",
                "osChainInfoStatus", "0x00000000", "osChainPath", "AA"), FactEvidence.properties(
                        leaf.withOsChainVerdict(OsChainVerdict.built(0, 0, List.of("AA")))));
        assertEquals(Map.of("osChainFailure", "0x80092004 (Cannot find object or property.)"),
                FactEvidence.properties(leaf.withOsChainVerdict(
                        OsChainVerdict.failed("0x80092004 (Cannot find object or property.)"))));
    }

    @Test
    void theStoreEntrysRecordsAreSpelledAsBefore() {
        assertEquals(Map.of(), FactEvidence.properties(leaf));
        Map<String, String> properties = FactEvidence.properties(leaf.withProperty("source", "kept")
                .withStoreEntry(new StoreEntryFacts("AB", "CD", true, List.of("1.3.6.1.5.5.7.3.1",
                        "1.3.6.1.5.5.7.3.2"))));
        assertEquals(Map.of("source", "kept", "storedSha1", "AB", "registryKeyName", "CD", "archived", "true",
                "enhancedKeyUsageProperty", "1.3.6.1.5.5.7.3.1,1.3.6.1.5.5.7.3.2"), properties);
        assertEquals(Map.of("enhancedKeyUsageProperty", ""), FactEvidence.properties(
                leaf.withStoreEntry(StoreEntryFacts.NONE.withAllowedPurposes(List.of()))));
    }

    @Test
    void userStoreReadsAreHostFactsAsBefore() {
        HostSnapshot snapshot = HostSnapshot.builder("h", "s").hostFact("agent.elevated", "yes")
                .userStoreRead(new UserStoreRead("CurrentUser\\MY", UserStoreRead.Outcome.READ, 1, null,
                        Map.of("AB", "unreadable: not a certificate")))
                .userStoreRead(new UserStoreRead("Users\\S-1-5-20\\MY", UserStoreRead.Outcome.ABSENT, 0,
                        "0x80092004 (x)", Map.of()))
                .userStoreRead(new UserStoreRead("Services\\B\\MY", UserStoreRead.Outcome.NOT_READABLE, 0,
                        "5 (Access is denied.)", Map.of()))
                .userStoreRead(new UserStoreRead("Services\\C\\MY", UserStoreRead.Outcome.READ_PARTIALLY, 2,
                        "0x8009200F (y)", Map.of()))
                .build();
        assertEquals(Map.of("agent.elevated", "yes",
                "userStore.CurrentUser\\MY", "read, 1 certificate(s)",
                "userStore.CurrentUser\\MY\\AB", "unreadable: not a certificate",
                "userStore.Users\\S-1-5-20\\MY", "absent (0x80092004 (x)); a user's store exists only while its "
                        + "profile is loaded",
                "userStore.Services\\B\\MY", "not readable: 5 (Access is denied.)",
                "userStore.Services\\C\\MY", "not readable to its end: enumerating it failed after 2 certificate(s)"
                        + " with 0x8009200F (y)"), FactEvidence.hostFacts(snapshot));
    }
}
