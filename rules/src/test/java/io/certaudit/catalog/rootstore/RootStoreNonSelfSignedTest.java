package io.certaudit.catalog.rootstore;

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

class RootStoreNonSelfSignedTest {

    private static final String RULE = "root-store-non-self-signed";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }

    @Test
    void failsForAnIntermediateInTrustedRoot() {
        Finding finding = assertSingle(new HostFixture().add(StoreName.ROOT, ca).chain(root, ca, leaf)
                        .findings(RULE), Severity.ERROR, StoreName.ROOT, ca.in(StoreName.ROOT).thumbprint(),
                "'Example Issuing CA'", "not self-signed", "issued by 'CN=Example Root'");
        assertEquals("CN=Example Root", finding.evidence().get("issuer"));
    }

    @Test
    void failsForACertificateNamingItselfAsIssuerThatItsOwnKeyDidNotSign() {
        Issued impostor = pki.issue(ca, pki.spec("Example Impostor Root").ca().issuerName("CN=Example Impostor Root"));

        assertSingle(new HostFixture().add(StoreName.ROOT, impostor).chain(root, ca, leaf).findings(RULE),
                Severity.ERROR, StoreName.ROOT, impostor.in(StoreName.ROOT).thumbprint(),
                "its own key does not verify its signature");
    }

    @Test
    void passesWhenEveryCertificateInTrustedRootIsSelfSigned() {
        Issued selfSignedService = pki.selfSigned(pki.spec("sbc.contoso.com").san("sbc.contoso.com"));
        HostFixture host = new HostFixture().add(StoreName.ROOT, selfSignedService).chain(root, ca, leaf);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void anEmptyTrustedRootIsNotApplicable() {
        HostFixture host = new HostFixture().add(StoreName.CA, root, ca).addWithKey(leaf);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }
}
