package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertFinding;
import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainNotValidForUsageTest {

    private static final String SECURE_EMAIL = KeyPurposeId.id_kp_emailProtection.getId();

    private static final String BOTH = KeyPurposeId.id_kp_serverAuth.getId() + ","
            + KeyPurposeId.id_kp_clientAuth.getId();

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Usage Root");
    private final Issued ca = pki.issue(root, pki.spec("Usage CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("usage.example.com"));

    private HostFixture withRootProperty(String purposes) {
        return new HostFixture().add(root.in(StoreName.ROOT)
                        .withStoreEntry(StoreEntryFacts.NONE.withAllowedPurposes(
                                purposes.isEmpty() ? List.of() : List.of(purposes.split(",")))))
                .add(StoreName.CA, ca).addWithKey(leaf);
    }

    @Test
    void aRootRestrictedBySecureEmailInItsStorePropertyFails() {
        List<Finding> findings = withRootProperty(SECURE_EMAIL).findings("chain-not-valid-for-usage");
        // Both usages are named, one finding each.
        assertEquals(2, findings.size(), findings::toString);
        for (String usage : List.of("Server Authentication", "Client Authentication")) {
            Finding finding = findings.stream().filter(f -> f.message().contains(usage)).findFirst().orElseThrow();
            assertFinding(finding, Severity.ERROR, StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "Usage Root",
                    "CERT_ENHKEY_USAGE_PROP_ID");
            assertEquals(root.in(StoreName.ROOT).thumbprint(), finding.evidence().get("element"));
        }
    }

    @Test
    void anIntermediateWhoseEkuExtensionLeavesOutClientAuthenticationFails() {
        Issued serverOnly = pki.issue(root, pki.spec("Usage Server CA").ca().eku(KeyPurposeId.id_kp_serverAuth));
        Issued below = pki.issue(serverOnly, pki.spec("usage-server.example.com"));
        assertSingle(new HostFixture().chain(root, serverOnly, below).findings("chain-not-valid-for-usage"),
                Severity.ERROR, StoreName.MY, below.in(StoreName.MY).thumbprint(), "Usage Server CA",
                "Client Authentication", "EKU extension");
    }

    @Test
    void aPropertyAllowingBothUsagesAndNoRestrictionPass() {
        assertNone(withRootProperty(BOTH).findings("chain-not-valid-for-usage"));
        assertNone(new HostFixture().chain(root, ca, leaf).findings("chain-not-valid-for-usage"));
    }

}
