package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainIncompleteTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainIncomplete()).on(host).run();
    }

    @Test
    void failsNamingAMissingIntermediate() {
        run(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("stops at", "CN=Example Issuing CA", "none of MY, CA and ROOT")
                .evidence("missingIssuer", "CN=Example Issuing CA")
                .evidence("path", thumbprint(leaf) + " [MY]");
    }

    @Test
    void failsNamingAMissingRootAndWhereThePathStops() {
        run(new HostFixture().add(StoreName.CA, ca).addWithKey(leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("stops at 'Example Issuing CA' (" + thumbprint(ca), "CN=Example Root")
                .evidence("path", thumbprint(leaf) + " [MY] > " + thumbprint(ca) + " [CA]");
    }

    @Test
    void failsWhenTheOnlyCandidateIssuerDidNotSignTheCertificate() {
        Issued rogue = pki.root("Example Rogue CA");
        Issued forged = pki.issue(rogue, pki.spec("bems01.example.com").issuerName("CN=Example Issuing CA"));

        run(new HostFixture().add(StoreName.ROOT, root, rogue).add(StoreName.CA, ca).addWithKey(forged)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(forged)
                .messageContains("CN=Example Issuing CA");
    }

    @Test
    void passesWhenThePathIsComplete() {
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }

    @Test
    void aPathEndingAtAnUntrustedRootIsNotIncomplete() {
        run(new HostFixture().add(StoreName.CA, root, ca).addWithKey(leaf)).assertPassed();
    }

    @Test
    void theEvidenceNamesASameNamedIssuerWhoseKeyDidNotSign() {
        // Without key identifiers only the signature tells the impostor apart.
        Issued impostor = pki.issue(root, pki.spec("Example Issuing CA").ca().freshKey().noKeyIdentifiers());
        Issued bare = pki.issue(ca, pki.spec("bems02.example.com").noKeyIdentifiers());
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, impostor).addWithKey(bare))
                .assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(bare)
                .messageContains("stops at")
                .evidenceContains("rejectedPaths", RuleTester.thumbprint(impostor),
                        "CERT_TRUST_IS_NOT_SIGNATURE_VALID");
    }
}
