package io.certaudit.catalog.keys;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyInUserKeySetTest {

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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PrivateKeyInUserKeySet()).on(host).run();
    }

    @Test
    void failsForAKeyInAUserKeySet() {
        run(host(Tristate.NO, KeyDefect.USER_KEY_SET)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("user's key set", "cannot open it")
                .evidence("container", "le-imported-1234");
    }

    @Test
    void passesForAMachineKeyOrTheServiceAccountsOwnKeySet() {
        run(host(Tristate.YES, KeyDefect.NONE)).assertPassed();
        run(host(Tristate.NO, KeyDefect.NONE)).assertPassed();
    }
}
