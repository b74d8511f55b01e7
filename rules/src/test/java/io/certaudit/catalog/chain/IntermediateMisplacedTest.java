package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class IntermediateMisplacedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new IntermediateMisplaced()).on(host).run();
    }

    @Test
    void warnsForAnIntermediateFoundOnlyInTrustedRoot() {
        run(new HostFixture().add(StoreName.ROOT, root, ca).addWithKey(leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.ROOT).about(ca)
                .messageContains("Intermediate 'Example Issuing CA'", "is in ROOT",
                        "not in the Intermediate Certification Authorities")
                .evidence("foundIn", "ROOT");
    }

    @Test
    void warnsForAnIntermediateFoundOnlyInPersonal() {
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.MY, ca).addWithKey(leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(ca)
                .messageContains("is in MY");
    }

    @Test
    void passesWhenTheIntermediateIsAlsoInTheIntermediateStore() {
        run(new HostFixture().add(StoreName.ROOT, ca).chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void passesForTheUsualLayout() {
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        run(host).assertPassed();
    }

    @Test
    void neitherTheLeafNorTheRootIsAnIntermediate() {
        Issued direct = pki.issue(root, pki.spec("bems02.example.com").san("bems02.example.com"));
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).addWithKey(direct);

        run(host).assertNotApplicable("a chain of leaf and root has no intermediate").assertNoFindings();
    }
}
