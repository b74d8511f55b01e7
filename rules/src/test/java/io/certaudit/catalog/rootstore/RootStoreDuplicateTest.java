package io.certaudit.catalog.rootstore;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RootStoreDuplicateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private StoredCertificate rootCopy(String origin) throws UnreadableCertificateException {
        return StoredCertificate.parse(StoreName.ROOT, root.der(), origin);
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new RootStoreDuplicate()).on(host).run();
    }

    @Test
    void warnsForARootInTwoPhysicalStoresNamingBoth() throws UnreadableCertificateException {
        HostFixture host = new HostFixture().add(StoreName.CA, ca).addWithKey(leaf)
                .add(rootCopy("LocalMachine\\Root").withPhysicalStore(".Default"))
                .add(rootCopy("LocalMachine\\Root").withPhysicalStore(".GroupPolicy"));

        run(host).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.ROOT).about(root)
                .messageContains("'Example Root'", "2 times", ".Default (LocalMachine\\Root)",
                        ".GroupPolicy (LocalMachine\\Root)")
                .evidence("copies", "2");
    }

    @Test
    void namesTheFilesOfCopiesWithoutPhysicalStore() throws UnreadableCertificateException {
        HostFixture host = new HostFixture().add(StoreName.CA, ca).addWithKey(leaf)
                .add(rootCopy("root/example-root.cer")).add(rootCopy("root/example-root.pem"))
                .add(rootCopy("root/copy-of-example-root.crt"));

        run(host).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.ROOT).about(root)
                .messageContains("3 times",
                        "root/example-root.cer; root/example-root.pem; root/copy-of-example-root.crt");
    }

    @Test
    void theSameRootInTheIntermediateStoreIsNotADuplicate() {
        run(new HostFixture().add(StoreName.CA, root).chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void distinctRootsPass() {
        Issued other = pki.root("Example Other Root");

        run(new HostFixture().add(StoreName.ROOT, other).chain(root, ca, leaf)).assertPassed();
    }
}
