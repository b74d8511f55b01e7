package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerWeakSignatureAlgorithmTest {

    private final TestPki pki = new TestPki();

    private static List<Finding> findings(Issued... sent) {
        return new HostFixture().peer(PeerObservations.sent(sent)).findings("peer-weak-signature-algorithm");
    }

    @Test
    void anMd5IntermediateIsAnErrorAndASha1LeafAWarning() {
        Issued root = pki.root("Contoso Root");
        Issued ca = pki.issue(root, pki.spec("Contoso Issuing CA").ca().signedWith("MD5withRSA"));
        Issued leaf = pki.issue(ca, pki.spec("pool.contoso.com").signedWith("SHA1withRSA"));

        List<Finding> findings = findings(leaf, ca);

        assertEquals(List.of(Severity.ERROR, Severity.WARNING), findings.stream().map(Finding::severity).toList());
    }

    @Test
    void passesSha256AndIgnoresTheSelfSignatureOfASentRoot() {
        Issued root = pki.selfSigned(pki.spec("Contoso Legacy Root").ca().signedWith("SHA1withRSA"));
        Issued leaf = pki.issue(root, pki.spec("pool.contoso.com"));

        assertTrue(findings(leaf, root).isEmpty());
    }
}
