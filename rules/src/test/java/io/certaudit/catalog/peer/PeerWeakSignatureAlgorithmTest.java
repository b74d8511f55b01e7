package io.certaudit.catalog.peer;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerWeakSignatureAlgorithmTest {

    private final TestPki pki = new TestPki();

    private static RuleTester.Run run(Issued... sent) {
        return RuleTester.of(new PeerWeakSignatureAlgorithm())
                .on(new HostFixture().peer(PeerObservations.sent(sent))).run();
    }

    @Test
    void anMd5IntermediateIsAnErrorAndASha1LeafAWarning() {
        Issued root = pki.root("Contoso Root");
        Issued ca = pki.issue(root, pki.spec("Contoso Issuing CA").ca().signedWith("MD5withRSA"));
        Issued leaf = pki.issue(ca, pki.spec("pool.contoso.com").signedWith("SHA1withRSA"));

        RuleTester.Run run = run(leaf, ca).assertFailed().assertFindingCount(2);
        run.findingAbout(ca).severity(Severity.ERROR).evidence("oid", "1.2.840.113549.1.1.4");
        run.findingAbout(leaf).severity(Severity.WARNING).evidence("oid", "1.2.840.113549.1.1.5");
    }

    @Test
    void passesSha256AndIgnoresTheSelfSignatureOfASentRoot() {
        Issued root = pki.selfSigned(pki.spec("Contoso Legacy Root").ca().signedWith("SHA1withRSA"));
        Issued leaf = pki.issue(root, pki.spec("pool.contoso.com"));

        run(leaf, root).assertPassed();
    }
}
