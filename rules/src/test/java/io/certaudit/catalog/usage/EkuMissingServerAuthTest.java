package io.certaudit.catalog.usage;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;
import io.certaudit.testing.TestPki.Spec;

class EkuMissingServerAuthTest {

    private static final String NAME = "bems01.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private Spec leaf() {
        return pki.spec(NAME).san(NAME);
    }

    private HostFixture host(Issued leaf) {
        return new HostFixture().chain(root, ca, leaf);
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new EkuMissingServerAuth()).on(host).run();
    }

    @Test
    void failsWhenTheEkusLeaveOutServerAuthentication() {
        Issued leaf = pki.issue(ca, leaf().eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning));

        run(host(leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("not valid for Server Authentication",
                        "its EKUs are Client Authentication (1.3.6.1.5.5.7.3.2), Code Signing (1.3.6.1.5.5.7.3.3).");
    }

    @Test
    void passesWithServerAuthentication() {
        run(host(pki.issue(ca, leaf().eku(KeyPurposeId.id_kp_serverAuth)))).assertPassed();
    }

    @Test
    void passesWithoutAnEkuExtension() {
        run(host(pki.issue(ca, leaf().noEku()))).assertPassed();
    }

    @Test
    void passesWithAnyExtendedKeyUsage() {
        run(host(pki.issue(ca, leaf().eku(KeyPurposeId.anyExtendedKeyUsage)))).assertPassed();
    }
}
