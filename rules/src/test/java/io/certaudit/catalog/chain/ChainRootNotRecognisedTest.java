package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainRootNotRecognisedTest {

    private static final String GATEWAY = "sbc.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san(GATEWAY));
    /** Another root of Microsoft's program on the host, as every Windows host has a few in .AuthRoot. */
    private final Issued programRoot = pki.root("Example Program Root");

    /** The SBC host: the service chain's root in the physical store given, a program root in .AuthRoot. */
    private HostFixture host(String rootPhysicalStore) {
        return new HostFixture()
                .add(root.in(StoreName.ROOT).withPhysicalStore(rootPhysicalStore))
                .add(programRoot.in(StoreName.ROOT).withPhysicalStore(".AuthRoot"))
                .add(StoreName.CA, ca).addWithKey(leaf)
                .settings(s -> s.withGatewayAddress(GATEWAY));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainRootNotRecognised()).on(host).run();
    }

    @Test
    void warnsWhenTheRootWasAddedByHandRatherThanFromMicrosoftsProgram() {
        run(host(".Default")).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("Example Root", ".Default", "not from .AuthRoot")
                .evidence("rootPhysicalStores", ".Default")
                .evidence("root", root.in(StoreName.ROOT).thumbprint());
    }

    @Test
    void passesWhenTheRootIsInAuthRoot() {
        HostFixture host = host(".AuthRoot");

        run(host).assertPassed();
    }

    @Test
    void passesWhenOneOfTheRootsCopiesIsInAuthRoot() {
        HostFixture host = host(".GroupPolicy").add(root.in(StoreName.ROOT).withPhysicalStore(".AuthRoot"));

        run(host).assertPassed();
    }

    @Test
    void aSourceThatDidNotReadAuthRootCannotTellSoTheRuleDoesNotApply() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root, programRoot).add(StoreName.CA, ca)
                .addWithKey(leaf).settings(s -> s.withGatewayAddress(GATEWAY));

        run(host).assertNotApplicable("a source that read no physical store cannot tell .AuthRoot from the rest")
                .assertNoFindings();
    }

    @Test
    void appliesOnlyToTheExchangeUmConfiguration() {
        HostFixture bems = new HostFixture()
                .add(root.in(StoreName.ROOT).withPhysicalStore(".Default"))
                .add(programRoot.in(StoreName.ROOT).withPhysicalStore(".AuthRoot"))
                .add(StoreName.CA, ca).addWithKey(leaf).settings(s -> s.withPoolFqdn(GATEWAY));

        run(bems).assertNotApplicable("only the Exchange UM gateway configuration needs a recognised root")
                .assertNoFindings();
    }
}
