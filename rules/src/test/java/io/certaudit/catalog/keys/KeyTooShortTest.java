package io.certaudit.catalog.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyTooShortTest {

    private static final String NAME = "keys.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new KeyTooShort()).on(host).run();
    }

    @Test
    void rsaUnder1024BitsIsAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(512));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("512-bit RSA key", "below the 1024-bit minimum")
                .evidence("rsaEquivalentBits", "512");
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2047})
    void rsaFrom1024To2047BitsIsAWarning(int bits) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(bits));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains(bits + "-bit RSA key", "below the recommended 2048 bits");
    }

    @Test
    void rsaJustUnder1024BitsIsAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(1023));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("1023-bit RSA key");
    }

    @Test
    void rsa2048PassesAndTheRuleApplied() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(2048));
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        run(host).assertPassed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp224r1"})
    void ecCurvesAsStrongAsRsa2048Pass(String curve) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec(curve));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @ParameterizedTest
    @CsvSource({"secp192r1, 192", "secp160r1, 160"})
    void ecCurvesAsStrongAsRsa1024AreAWarning(String curve, int bits) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec(curve));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.MY).about(leaf)
                .messageContains(bits + "-bit EC key", "as strong as RSA 1024", "below the recommended 2048 bits")
                .evidence("rsaEquivalentBits", "1024");
    }

    @Test
    void ecCurvesWeakerThanRsa1024AreAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec("secp112r1"));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("112-bit EC key", "below the 1024-bit minimum");
    }

    @Test
    void anIntermediateWithAShortKeyIsReportedInItsStore() {
        Issued weakCa = pki.issue(root, pki.spec("Example Weak CA").ca().rsa(1024));
        Issued leaf = pki.issue(weakCa, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(root, weakCa, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.CA).about(weakCa)
                .messageContains("1024-bit RSA key", "Example Weak CA");
    }

    @Test
    void aRootWithAShortKeyIsReportedInTrustedRoot() {
        Issued weakRoot = pki.selfSigned(pki.spec("Example Weak Root").ca().rsa(1024));
        Issued issuing = pki.issue(weakRoot, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        run(new HostFixture().chain(weakRoot, issuing, leaf)).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.ROOT).about(weakRoot)
                .messageContains("1024-bit RSA key");
    }

    @Test
    void aShortKeyOutsideTheServicePathsIsNotJudged() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));
        Issued unrelatedWeakRoot = pki.selfSigned(pki.spec("Example Unrelated Root").ca().rsa(1024));

        run(new HostFixture().chain(root, ca, leaf).add(StoreName.ROOT, unrelatedWeakRoot)).assertPassed();
    }
}
