package io.certaudit.catalog.usage;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;
import io.certaudit.testing.TestPki.Spec;

class EkuMissingServerAuthTest {

    private static final String RULE = "eku-missing-server-auth";
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

    @Test
    void failsWhenTheEkusLeaveOutServerAuthentication() {
        Issued leaf = pki.issue(ca, leaf().eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning));

        assertSingle(host(leaf).findings(RULE), Severity.ERROR, StoreName.MY, leaf.in(StoreName.MY).thumbprint(),
                "not valid for Server Authentication",
                "its EKUs are Client Authentication (1.3.6.1.5.5.7.3.2), Code Signing (1.3.6.1.5.5.7.3.3).");
    }

    @Test
    void passesWithServerAuthentication() {
        assertNone(host(pki.issue(ca, leaf().eku(KeyPurposeId.id_kp_serverAuth))).findings(RULE));
    }

    @Test
    void passesWithoutAnEkuExtension() {
        assertNone(host(pki.issue(ca, leaf().noEku())).findings(RULE));
    }

    @Test
    void passesWithAnyExtendedKeyUsage() {
        assertNone(host(pki.issue(ca, leaf().eku(KeyPurposeId.anyExtendedKeyUsage))).findings(RULE));
    }
}
