package io.certaudit.catalog.rootstore;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RootStoreDuplicateTest {

    private static final String RULE = "root-store-duplicate";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private StoredCertificate rootCopy(String origin) throws UnreadableCertificateException {
        return StoredCertificate.parse(StoreName.ROOT, root.der(), origin);
    }

    @Test
    void warnsForARootInTwoPhysicalStoresNamingBoth() throws UnreadableCertificateException {
        HostFixture host = new HostFixture().add(StoreName.CA, ca).addWithKey(leaf)
                .add(rootCopy("LocalMachine\\Root").withPhysicalStore(".Default"))
                .add(rootCopy("LocalMachine\\Root").withPhysicalStore(".GroupPolicy"));

        Finding finding = assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT,
                root.in(StoreName.ROOT).thumbprint(), "'Example Root'", "2 times",
                ".Default (LocalMachine\\Root)", ".GroupPolicy (LocalMachine\\Root)");
        assertEquals("2", finding.evidence().get("copies"));
    }

    @Test
    void namesTheFilesOfCopiesWithoutPhysicalStore() throws UnreadableCertificateException {
        HostFixture host = new HostFixture().add(StoreName.CA, ca).addWithKey(leaf)
                .add(rootCopy("root/example-root.cer")).add(rootCopy("root/example-root.pem"))
                .add(rootCopy("root/copy-of-example-root.crt"));

        assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT, root.in(StoreName.ROOT).thumbprint(),
                "3 times", "root/example-root.cer; root/example-root.pem; root/copy-of-example-root.crt");
    }

    @Test
    void theSameRootInTheIntermediateStoreIsNotADuplicate() {
        assertNone(new HostFixture().add(StoreName.CA, root).chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void distinctRootsPass() {
        Issued other = pki.root("Example Other Root");

        assertNone(new HostFixture().add(StoreName.ROOT, other).chain(root, ca, leaf).findings(RULE));
    }
}
