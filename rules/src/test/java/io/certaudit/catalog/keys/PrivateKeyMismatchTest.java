package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyMismatchTest {

    private static final String RULE = "private-key-mismatch";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static PrivateKeyFacts key(Tristate present, KeyDefect defect, String evidence) {
        return new PrivateKeyFacts(present, KeyKind.CNG, "Microsoft Software Key Storage Provider", "te-1234",
                Tristate.YES, null, null, evidence, defect);
    }

    @Test
    void failsWhenTheKeyIsNotTheCertificatesOwnAndPrivateKeyMissingStaysQuiet() {
        HostFixture host = host(key(Tristate.NO, KeyDefect.KEY_MISMATCH,
                "the key does not match the certificate's public key (NTE_BAD_PUBLIC_KEY)"));

        Finding finding = assertSingle(host.findings(RULE), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "does not match its public key", "NTE_BAD_PUBLIC_KEY");
        assertEquals("te-1234", finding.evidence().get("container"));
        assertNone(host.findings("private-key-missing"));
    }

    @Test
    void passesWhenTheKeyMatchesOrIsMerelyMissing() {
        assertNone(host(key(Tristate.YES, KeyDefect.NONE, "the private key opened")).findings(RULE));
        HostFixture missing = host(key(Tristate.NO, KeyDefect.NONE, "the key container does not exist"));
        assertNone(missing.findings(RULE));
        assertEquals(1, missing.findings("private-key-missing").size());
    }
}
