package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyInUserKeySetTest {

    private static final String RULE = "private-key-in-user-key-set";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(Tristate machineKeyset, KeyDefect defect) {
        PrivateKeyFacts key = new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.CAPI,
                "Microsoft Enhanced RSA and AES Cryptographic Provider", "le-imported-1234", machineKeyset, null,
                null, "the key is in a user's key set", defect);
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    @Test
    void failsForAKeyInAUserKeySet() {
        Finding finding = assertSingle(host(Tristate.NO, KeyDefect.USER_KEY_SET).findings(RULE), Severity.ERROR,
                StoreName.MY, leaf.in(StoreName.MY).thumbprint(), "user's key set", "cannot open it");
        assertEquals("le-imported-1234", finding.evidence().get("container"));
    }

    @Test
    void passesForAMachineKeyOrTheServiceAccountsOwnKeySet() {
        assertNone(host(Tristate.YES, KeyDefect.NONE).findings(RULE));
        assertNone(host(Tristate.NO, KeyDefect.NONE).findings(RULE));
    }
}
