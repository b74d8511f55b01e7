package io.certaudit.catalog.usage;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CrlDistributionPointMissingTest {

    private static final String RULE = "crl-distribution-point-missing";
    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    @Test
    void warnsForAServiceCertificateWithoutCdp() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).noCrlDistributionPoint());

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "'bems01.example.com'", "has no CRL distribution point");
    }

    @Test
    void warnsForAnIntermediateWithoutCdp() {
        Issued bareCa = pki.issue(root, pki.spec("Example Issuing CA").ca().noCrlDistributionPoint());
        Issued leaf = pki.issue(bareCa, pki.spec(NAME).san(NAME));

        assertSingle(new HostFixture().chain(root, bareCa, leaf).findings(RULE), Severity.WARNING, StoreName.CA,
                bareCa.in(StoreName.CA).thumbprint(), "'Example Issuing CA'");
    }

    @Test
    void passesWhenEveryIssuedCertificateHasACdpAndTheRootIsNotJudged() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));
        assertEquals(false, root.in(StoreName.ROOT).facts().hasCrlDistributionPoints(), "roots carry no CDP");
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        assertNone(host.findings(RULE));
        RuleOutcome outcome = host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst()
                .orElseThrow();
        assertEquals(new RuleOutcome(RULE, RuleOutcome.Result.PASSED, 2, 0), outcome);
    }
}
