package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainUntrustedRootTest {

    private static final String RULE = "chain-untrusted-root";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    @Test
    void failsWhenTheRootIsOnlyInTheIntermediateStore() {
        Finding finding = assertSingle(new HostFixture().add(StoreName.CA, ca, root).addWithKey(leaf)
                        .findings(RULE), Severity.ERROR, StoreName.MY, thumbprint(leaf),
                "ends at root 'Example Root' (" + thumbprint(root) + ")", "found in CA", "not in Trusted Root");
        assertEquals(thumbprint(root), finding.evidence().get("root"));
        assertEquals("CA", finding.evidence().get("rootFoundIn"));
    }

    @Test
    void failsForASelfSignedServiceCertificateNotInTrustedRoot() {
        Issued selfSigned = pki.selfSigned(pki.spec("bems01.example.com").san("bems01.example.com"));

        assertSingle(new HostFixture().addWithKey(selfSigned).findings(RULE), Severity.ERROR, StoreName.MY,
                thumbprint(selfSigned), "found in MY");
    }

    @Test
    void passesWhenTheRootIsInTrustedRoot() {
        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void passesWhenTheRootIsInBothIntermediateAndTrustedRoot() {
        assertNone(new HostFixture().add(StoreName.CA, root).chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void anIncompletePathIsNotAnUntrustedRoot() {
        assertNone(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf).findings(RULE));
    }
}
