package io.certaudit.catalog.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CrlDistributionPointMissingTest {

    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CrlDistributionPointMissing()).on(host).run();
    }

    @Test
    void warnsForAServiceCertificateWithoutCdp() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).noCrlDistributionPoint());

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "has no CRL distribution point");
    }

    @Test
    void warnsForAnIntermediateWithoutCdp() {
        Issued bareCa = pki.issue(root, pki.spec("Example Issuing CA").ca().noCrlDistributionPoint());
        Issued leaf = pki.issue(bareCa, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, bareCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.CA).about(bareCa)
                .messageContains("'Example Issuing CA'");
    }

    @Test
    void warnsWhenTheCdpExtensionCannotBeDecoded() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).noCrlDistributionPoint()
                .rawExtension(Extension.cRLDistributionPoints, false, new byte[] {(byte) 0xDE, (byte) 0xAD}));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "cannot be decoded");
    }

    @Test
    void warnsWhenTheCdpExtensionIsWellFormedAsn1OfTheWrongShape() {
        // Counted as present before absent and undecodable were told apart; it names no point a CRL comes from.
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).noCrlDistributionPoint()
                .extension(Extension.cRLDistributionPoints, false, new ASN1Integer(7)));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains("'bems01.example.com'", "cannot be decoded");
    }

    @Test
    void passesWhenEveryIssuedCertificateHasACdpAndTheRootIsNotJudged() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));
        assertEquals(false, root.in(StoreName.ROOT).facts().hasCrlDistributionPoints(), "roots carry no CDP");
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        // The intermediate and the service certificate are judged; the root is not.
        run(host).assertPassed().assertChecked(2).assertNoFindings();
    }
}
