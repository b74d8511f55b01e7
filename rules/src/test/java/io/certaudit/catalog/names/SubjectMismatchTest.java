package io.certaudit.catalog.names;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SubjectMismatchTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new SubjectMismatch()).on(host).run();
    }

    private RuleTester.Run audit(String cn, String gateway) {
        Issued leaf = pki.issue(ca, pki.spec(cn).san(cn));
        return run(new HostFixture().chain(root, ca, leaf).settings(s -> s.withGatewayAddress(gateway)));
    }

    @Test
    void passesWhenCnIsExactlyTheGatewayAddress() {
        audit("sbcexternal.contoso.com", "sbcexternal.contoso.com").assertPassed();
    }

    @Test
    void failsWhenCnDiffersOnlyInLetterCase() {
        audit("SBCexternal.contoso.com", "sbcexternal.contoso.com").assertFailed()
                .onlyFinding().messageContains("letter case");
    }

    @Test
    void failsWhenTheGatewayAddressIsOnlyInTheSan() {
        Issued leaf = pki.issue(ca, pki.spec("sbc01.contoso.com").san("sbc01.contoso.com", "sbcexternal.contoso.com"));

        run(new HostFixture().chain(root, ca, leaf).settings(s -> s.withGatewayAddress("sbcexternal.contoso.com")))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("subject CN 'sbc01.contoso.com'", "not the gateway address 'sbcexternal.contoso.com'")
                .messageLacks("letter case");
    }

    @Test
    void doesNotApplyWithoutAGatewayAddress() {
        Issued leaf = pki.issue(ca, pki.spec("other.contoso.com").san("other.contoso.com"));
        run(new HostFixture().chain(root, ca, leaf))
                .assertNotApplicable("only the Exchange UM gateway address is compared with the CN")
                .assertNoFindings();
    }
}
