package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class KeyTooShortTest {

    private static final String RULE = "key-too-short";
    private static final String NAME = "keys.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    @Test
    void rsaUnder1024BitsIsAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(512));

        Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR,
                StoreName.MY, thumbprint(leaf), "512-bit RSA key", "below the 1024-bit minimum");
        assertEquals("512", finding.evidence().get("rsaEquivalentBits"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2047})
    void rsaFrom1024To2047BitsIsAWarning(int bits) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(bits));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING, StoreName.MY,
                thumbprint(leaf), bits + "-bit RSA key", "below the recommended 2048 bits");
    }

    @Test
    void rsaJustUnder1024BitsIsAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(1023));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR, StoreName.MY,
                thumbprint(leaf), "1023-bit RSA key");
    }

    @Test
    void rsa2048PassesAndTheRuleApplied() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).rsa(2048));
        HostFixture host = new HostFixture().chain(root, ca, leaf);

        assertNone(host.findings(RULE));
        assertEquals("passed", host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst()
                .orElseThrow().result().label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp224r1"})
    void ecCurvesAsStrongAsRsa2048Pass(String curve) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec(curve));

        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }

    @ParameterizedTest
    @CsvSource({"secp192r1, 192", "secp160r1, 160"})
    void ecCurvesAsStrongAsRsa1024AreAWarning(String curve, int bits) {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec(curve));

        Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.WARNING,
                StoreName.MY, thumbprint(leaf), bits + "-bit EC key", "as strong as RSA 1024",
                "below the recommended 2048 bits");
        assertEquals("1024", finding.evidence().get("rsaEquivalentBits"));
    }

    @Test
    void ecCurvesWeakerThanRsa1024AreAnError() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME).ec("secp112r1"));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR, StoreName.MY,
                thumbprint(leaf), "112-bit EC key", "below the 1024-bit minimum");
    }

    @Test
    void anIntermediateWithAShortKeyIsReportedInItsStore() {
        Issued weakCa = pki.issue(root, pki.spec("Example Weak CA").ca().rsa(1024));
        Issued leaf = pki.issue(weakCa, pki.spec(NAME).san(NAME));

        assertSingle(new HostFixture().chain(root, weakCa, leaf).findings(RULE), Severity.WARNING, StoreName.CA,
                weakCa.in(StoreName.CA).thumbprint(), "1024-bit RSA key", "Example Weak CA");
    }

    @Test
    void aRootWithAShortKeyIsReportedInTrustedRoot() {
        Issued weakRoot = pki.selfSigned(pki.spec("Example Weak Root").ca().rsa(1024));
        Issued issuing = pki.issue(weakRoot, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(issuing, pki.spec(NAME).san(NAME));

        assertSingle(new HostFixture().chain(weakRoot, issuing, leaf).findings(RULE), Severity.WARNING,
                StoreName.ROOT, weakRoot.in(StoreName.ROOT).thumbprint(), "1024-bit RSA key");
    }

    @Test
    void aShortKeyOutsideTheServicePathsIsNotJudged() {
        Issued leaf = pki.issue(ca, pki.spec(NAME).san(NAME));
        Issued unrelatedWeakRoot = pki.selfSigned(pki.spec("Example Unrelated Root").ca().rsa(1024));

        assertNone(new HostFixture().chain(root, ca, leaf).add(StoreName.ROOT, unrelatedWeakRoot).findings(RULE));
    }
}
