package io.certaudit.catalog.chain;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainNotValidForUsage()).on(host).run();
    }

    @Test
    void aRootRestrictedBySecureEmailInItsStorePropertyFails() {
        RuleTester.Run run = run(withRootProperty(SECURE_EMAIL)).assertFailed();
        // Both usages are named, one finding each.
        run.assertFindingCount(2);
        for (String usage : List.of("Server Authentication", "Client Authentication")) {
            run.findingMentioning(usage).severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                    .messageContains("Usage Root", "CERT_ENHKEY_USAGE_PROP_ID")
                    .evidence("element", RuleTester.thumbprint(root));
        }
    }

    @Test
    void anIntermediateWhoseEkuExtensionLeavesOutClientAuthenticationFails() {
        Issued serverOnly = pki.issue(root, pki.spec("Usage Server CA").ca().eku(KeyPurposeId.id_kp_serverAuth));
        Issued below = pki.issue(serverOnly, pki.spec("usage-server.example.com"));
        run(new HostFixture().chain(root, serverOnly, below)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(below)
                .messageContains("Usage Server CA", "Client Authentication", "EKU extension");
    }

    @Test
    void aPropertyAllowingBothUsagesAndNoRestrictionPass() {
        run(withRootProperty(BOTH)).assertPassed();
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }
}
