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

class CertificateDistrustedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Distrust Root");
    private final Issued ca = pki.issue(root, pki.spec("Distrust CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("distrust.example.com"));

    @Test
    void anIntermediateInTheDisallowedStoreFailsTheChain() {
        Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf).add(StoreName.DISALLOWED, ca)
                        .findings("certificate-distrusted"), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "Distrust CA", "Untrusted Certificates");
        assertEquals(ca.in(StoreName.CA).thumbprint(), finding.evidence().get("element"));
    }

    @Test
    void aDistrustedCertificateOffThePathDoesNotMatter() {
        Issued other = pki.root("Distrust Unrelated Root");
        assertNone(new HostFixture().chain(root, ca, leaf).add(StoreName.DISALLOWED, other)
                .findings("certificate-distrusted"));
    }
}
