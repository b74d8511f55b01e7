package io.certaudit.catalog.keys;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyMissingTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PrivateKeyMissing()).on(host).run();
    }

    @Test
    void failsWhenTheSourceKnowsThereIsNoKey() {
        run(host(PrivateKeyFacts.absent("no key is associated with the certificate"))).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("bems01.example.com", "has no usable private key",
                        "no key is associated with the certificate")
                .evidence("evidence", "no key is associated with the certificate");
    }

    @Test
    void aKeyContainerThatIsGoneIsNamedAsEvidence() {
        PrivateKeyFacts gone = new PrivateKeyFacts(Tristate.NO, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key container does not exist");

        run(host(gone)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("the key container does not exist")
                .evidence("container", "te-WebServer-1234");
    }

    @Test
    void passesWhenTheKeyIsPresent() {
        HostFixture host = host(PrivateKeyFacts.inFile("bems01.key", "key file matches the certificate"));

        run(host).assertPassed();
    }

    @Test
    void doesNotApplyWhenTheSourceCannotTell() {
        HostFixture host = host(PrivateKeyFacts.unknown("the source does not read keys"));

        run(host).assertNotApplicable("the source could not tell whether a key is there").assertNoFindings();
    }

    @Test
    void aCaCertificateInPersonalWithoutKeyIsNotAServiceCertificate() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.MY, ca).addWithKey(leaf);

        run(host).assertPassed();
    }
}
