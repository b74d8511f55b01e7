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

class PrivateKeyUnverifiedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PrivateKeyUnverified()).on(host).run();
    }

    @Test
    void warnsWithTheSourcesReasonWhenTheKeyCouldNotBeChecked() {
        PrivateKeyFacts unopened = new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key could not be opened without administrator rights");
        run(host(unopened)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("could not be verified", "administrator rights")
                .evidence("container", "te-WebServer-1234");
    }

    private RuleTester.FindingAssert unverified(Tristate elevated) {
        PrivateKeyFacts unopened = new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key could not be opened");
        return run(host(unopened).auditElevated(elevated)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("could not be verified");
    }

    @Test
    void runningAsAdministratorIsTheFixOnlyWhenTheAuditWasNotElevated() {
        unverified(Tristate.NO).remediationContains("run it on the host as administrator");

        unverified(Tristate.YES)
                .remediationContains("running elevated again does not help", "certutil -verifystore my THUMBPRINT")
                .remediationLacks("run it on the host as administrator");

        unverified(Tristate.UNKNOWN).remediationContains("Either the audit lacked the rights", "export");
    }

    @Test
    void saysNothingWhenTheSourceKnowsEitherWay() {
        run(host(PrivateKeyFacts.inFile("bems01.key", "matches"))).assertPassed();
        run(host(PrivateKeyFacts.absent("no key"))).assertPassed();
    }
}
