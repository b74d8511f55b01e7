package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyMissingTest {

    private static final String RULE = "private-key-missing";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }

    @Test
    void failsWhenTheSourceKnowsThereIsNoKey() {
        Finding finding = assertSingle(host(PrivateKeyFacts.absent("no key is associated with the certificate"))
                        .findings(RULE), Severity.ERROR, StoreName.MY, leaf.in(StoreName.MY).thumbprint(),
                "bems01.example.com", "has no usable private key", "no key is associated with the certificate");
        assertEquals("no key is associated with the certificate", finding.evidence().get("evidence"));
    }

    @Test
    void aKeyContainerThatIsGoneIsNamedAsEvidence() {
        PrivateKeyFacts gone = new PrivateKeyFacts(Tristate.NO, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key container does not exist");

        Finding finding = assertSingle(host(gone).findings(RULE), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "the key container does not exist");
        assertEquals("te-WebServer-1234", finding.evidence().get("container"));
    }

    @Test
    void passesWhenTheKeyIsPresent() {
        HostFixture host = host(PrivateKeyFacts.inFile("bems01.key", "key file matches the certificate"));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void doesNotApplyWhenTheSourceCannotTell() {
        HostFixture host = host(PrivateKeyFacts.unknown("the source does not read keys"));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }

    @Test
    void aCaCertificateInPersonalWithoutKeyIsNotAServiceCertificate() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.MY, ca).addWithKey(leaf);

        assertNone(host.findings(RULE));
    }
}
