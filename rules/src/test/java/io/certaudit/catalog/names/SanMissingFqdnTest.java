package io.certaudit.catalog.names;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SanMissingFqdnTest {

    private static final String RULE = "san-missing-fqdn";
    private static final String POOL = "bemsapppool.example.com";
    private static final String BEMS1 = "bems01.example.com";
    private static final String BEMS2 = "bems02.example.com";
    private static final String GATEWAY = "sbcexternal.contoso.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private List<Finding> audit(Issued leaf, UnaryOperator<AuditSettings> settings) {
        return new HostFixture().chain(root, ca, leaf).settings(settings).findings(RULE);
    }

    private static UnaryOperator<AuditSettings> bems() {
        return s -> s.withPoolFqdn(POOL).withInstanceFqdns(List.of(BEMS1, BEMS2));
    }

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    @Test
    void passesWhenTheSanListsThePoolAndEveryInstanceInAnyLetterCase() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san("BemsAppPool.Example.COM", "BEMS01.example.com", BEMS2));

        assertNone(audit(leaf, bems()));
    }

    @Test
    void failsNamingAMissingInstance() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(POOL, BEMS1));

        Finding finding = assertSingle(audit(leaf, bems()), Severity.ERROR, StoreName.MY, thumbprint(leaf),
                "does not list " + BEMS2 + "; it holds only " + POOL + ", " + BEMS1 + ".");
        assertEquals(BEMS2, finding.evidence().get("missing"));
    }

    @Test
    void failsNamingTheMissingPoolWhenOnlyTheCnHoldsIt() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(BEMS1, BEMS2));

        assertSingle(audit(leaf, bems()), Severity.ERROR, StoreName.MY, thumbprint(leaf), "does not list " + POOL);
    }

    @Test
    void aWildcardDoesNotCount() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san("*.example.com"));

        assertSingle(audit(leaf, bems()), Severity.ERROR, StoreName.MY, thumbprint(leaf),
                POOL + ", " + BEMS1 + ", " + BEMS2, "it holds only *.example.com.",
                "'*.example.com' covers " + POOL + " only as a wildcard, which does not count");
    }

    @Test
    void passesWhenTheSanHoldsTheGatewayAddressExactly() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san(GATEWAY));

        assertNone(audit(leaf, s -> s.withGatewayAddress(GATEWAY)));
    }

    @Test
    void theGatewayAddressIsComparedCaseSensitively() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san("SBCexternal.contoso.com"));

        assertSingle(audit(leaf, s -> s.withGatewayAddress(GATEWAY)), Severity.ERROR, StoreName.MY,
                thumbprint(leaf), GATEWAY, "present, but with different letter case");
    }

    @Test
    void failsWhenTheGatewayAddressIsOnlyInTheCn() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san("other.contoso.com"));

        Finding finding = assertSingle(audit(leaf, s -> s.withGatewayAddress(GATEWAY)), Severity.ERROR,
                StoreName.MY, thumbprint(leaf), "does not list " + GATEWAY + "; it holds only other.contoso.com.");
        assertEquals("other.contoso.com", finding.evidence().get("sanDnsNames"));
    }

    @Test
    void withoutConfiguredNamesTheSanMustHoldTheCn() {
        Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems02.example.com"));

        assertSingle(audit(leaf, s -> s), Severity.ERROR, StoreName.MY, thumbprint(leaf),
                "does not list bems01.example.com");
    }

    @Test
    void withoutConfiguredNamesACertificateWithoutSanFails() {
        Issued leaf = pki.issue(ca, pki.spec("bems01.example.com"));

        assertSingle(audit(leaf, s -> s), Severity.ERROR, StoreName.MY, thumbprint(leaf),
                "does not list bems01.example.com");
    }

    @Test
    void withoutConfiguredNamesTheCnMatchesTheSanInAnyLetterCase() {
        Issued leaf = pki.issue(ca, pki.spec("BEMS01.example.com").san("bems01.EXAMPLE.com"));

        assertNone(audit(leaf, s -> s));
    }

    @Test
    void withoutConfiguredNamesACnThatIsNotAnFqdnIsLeftToTheCnRule() {
        Issued leaf = pki.issue(ca, pki.spec("bemsapppool"));

        assertNone(audit(leaf, s -> s));
    }
}
