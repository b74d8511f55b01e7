package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainRootNotRecognisedTest {

    private static final String RULE = "chain-root-not-recognised";
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

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }

    @Test
    void warnsWhenTheRootWasAddedByHandRatherThanFromMicrosoftsProgram() {
        Finding finding = assertSingle(host(".Default").findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "Example Root", ".Default", "not from .AuthRoot");
        assertEquals(".Default", finding.evidence().get("rootPhysicalStores"));
        assertEquals(root.in(StoreName.ROOT).thumbprint(), finding.evidence().get("root"));
    }

    @Test
    void passesWhenTheRootIsInAuthRoot() {
        HostFixture host = host(".AuthRoot");

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void passesWhenOneOfTheRootsCopiesIsInAuthRoot() {
        HostFixture host = host(".GroupPolicy").add(root.in(StoreName.ROOT).withPhysicalStore(".AuthRoot"));

        assertNone(host.findings(RULE));
    }

    @Test
    void aSourceThatDidNotReadAuthRootCannotTellSoTheRuleDoesNotApply() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root, programRoot).add(StoreName.CA, ca)
                .addWithKey(leaf).settings(s -> s.withGatewayAddress(GATEWAY));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }

    @Test
    void appliesOnlyToTheExchangeUmConfiguration() {
        HostFixture bems = new HostFixture()
                .add(root.in(StoreName.ROOT).withPhysicalStore(".Default"))
                .add(programRoot.in(StoreName.ROOT).withPhysicalStore(".AuthRoot"))
                .add(StoreName.CA, ca).addWithKey(leaf).settings(s -> s.withPoolFqdn(GATEWAY));

        assertNone(bems.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(bems));
    }
}
