package io.certaudit.catalog.names;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SanMissingFqdnTest {

    private static final String POOL = "bemsapppool.example.com";
    private static final String BEMS1 = "bems01.example.com";
    private static final String BEMS2 = "bems02.example.com";
    private static final String GATEWAY = "sbcexternal.contoso.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private RuleTester.Run audit(Issued leaf, UnaryOperator<AuditSettings> settings) {
        return RuleTester.of(new SanMissingFqdn()).on(new HostFixture().chain(root, ca, leaf).settings(settings)).run();
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

        audit(leaf, bems()).assertPassed();
    }

    @Test
    void failsNamingAMissingInstance() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(POOL, BEMS1));

        audit(leaf, bems()).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not list " + BEMS2 + "; it holds only " + POOL + ", " + BEMS1 + ".")
                .evidence("missing", BEMS2);
    }

    @Test
    void failsNamingTheMissingPoolWhenOnlyTheCnHoldsIt() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(BEMS1, BEMS2));

        audit(leaf, bems()).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not list " + POOL);
    }

    @Test
    void aWildcardDoesNotCount() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san("*.example.com"));

        audit(leaf, bems()).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains(POOL + ", " + BEMS1 + ", " + BEMS2, "it holds only *.example.com.",
                        "'*.example.com' covers " + POOL + " only as a wildcard, which does not count");
    }

    @Test
    void passesWhenTheSanHoldsTheGatewayAddressExactly() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san(GATEWAY));

        audit(leaf, s -> s.withGatewayAddress(GATEWAY)).assertPassed();
    }

    @Test
    void theGatewayAddressIsComparedCaseSensitively() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san("SBCexternal.contoso.com"));

        audit(leaf, s -> s.withGatewayAddress(GATEWAY)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains(GATEWAY, "present, but with different letter case");
    }

    @Test
    void failsWhenTheGatewayAddressIsOnlyInTheCn() {
        Issued leaf = pki.issue(ca, pki.spec(GATEWAY).san("other.contoso.com"));

        audit(leaf, s -> s.withGatewayAddress(GATEWAY)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not list " + GATEWAY + "; it holds only other.contoso.com.")
                .evidence("sanDnsNames", "other.contoso.com");
    }

    @Test
    void withoutConfiguredNamesTheSanMustHoldTheCn() {
        Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems02.example.com"));

        audit(leaf, s -> s).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not list bems01.example.com");
    }

    @Test
    void withoutConfiguredNamesACertificateWithoutSanFails() {
        Issued leaf = pki.issue(ca, pki.spec("bems01.example.com"));

        audit(leaf, s -> s).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("does not list bems01.example.com");
    }

    @Test
    void withoutConfiguredNamesTheCnMatchesTheSanInAnyLetterCase() {
        Issued leaf = pki.issue(ca, pki.spec("BEMS01.example.com").san("bems01.EXAMPLE.com"));

        audit(leaf, s -> s).assertPassed();
    }

    @Test
    void withoutConfiguredNamesACnThatIsNotAnFqdnIsLeftToTheCnRule() {
        Issued leaf = pki.issue(ca, pki.spec("bemsapppool"));

        audit(leaf, s -> s).assertPassed();
    }
}
