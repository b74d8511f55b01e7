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

class PrivateKeyMismatchTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static PrivateKeyFacts key(Tristate present, KeyDefect defect, String evidence) {
        return new PrivateKeyFacts(present, KeyKind.CNG, "Microsoft Software Key Storage Provider", "te-1234",
                Tristate.YES, null, null, evidence, defect);
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PrivateKeyMismatch()).on(host).run();
    }

    @Test
    void failsWhenTheKeyIsNotTheCertificatesOwnAndPrivateKeyMissingStaysQuiet() {
        HostFixture host = host(key(Tristate.NO, KeyDefect.KEY_MISMATCH,
                "the key does not match the certificate's public key (NTE_BAD_PUBLIC_KEY)"));

        run(host).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not match its public key", "NTE_BAD_PUBLIC_KEY")
                .evidence("container", "te-1234");
        RuleTester.of(new PrivateKeyMissing()).on(host).run().assertNoFindings();
    }

    @Test
    void passesWhenTheKeyMatchesOrIsMerelyMissing() {
        run(host(key(Tristate.YES, KeyDefect.NONE, "the private key opened"))).assertPassed();
        HostFixture missing = host(key(Tristate.NO, KeyDefect.NONE, "the key container does not exist"));
        run(missing).assertPassed();
        RuleTester.of(new PrivateKeyMissing()).on(missing).run().assertFailed().assertFindingCount(1);
    }
}
