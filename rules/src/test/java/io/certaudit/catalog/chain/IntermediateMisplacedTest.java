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

class IntermediateMisplacedTest {

    private static final String RULE = "intermediate-misplaced";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    @Test
    void warnsForAnIntermediateFoundOnlyInTrustedRoot() {
        Finding finding = assertSingle(new HostFixture().add(StoreName.ROOT, root, ca).addWithKey(leaf)
                        .findings(RULE), Severity.WARNING, StoreName.ROOT, ca.in(StoreName.ROOT).thumbprint(),
                "Intermediate 'Example Issuing CA'", "is in ROOT", "not in the Intermediate Certification Authorities");
        assertEquals("ROOT", finding.evidence().get("foundIn"));
    }

    @Test
    void warnsForAnIntermediateFoundOnlyInPersonal() {
        assertSingle(new HostFixture().add(StoreName.ROOT, root).add(StoreName.MY, ca).addWithKey(leaf)
                        .findings(RULE), Severity.WARNING, StoreName.MY, ca.in(StoreName.MY).thumbprint(),
                "is in MY");
    }

    @Test
    void passesWhenTheIntermediateIsAlsoInTheIntermediateStore() {
        assertNone(new HostFixture().add(StoreName.ROOT, ca).chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void passesForTheUsualLayout() {
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, host.audit().outcomes().stream()
                .filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result());
    }

    @Test
    void neitherTheLeafNorTheRootIsAnIntermediate() {
        Issued direct = pki.issue(root, pki.spec("bems02.example.com").san("bems02.example.com"));
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).addWithKey(direct);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, host.audit().outcomes().stream()
                .filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow().result());
    }
}
