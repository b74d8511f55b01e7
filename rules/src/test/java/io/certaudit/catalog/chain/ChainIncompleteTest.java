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

class ChainIncompleteTest {

    private static final String RULE = "chain-incomplete";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    @Test
    void failsNamingAMissingIntermediate() {
        Finding finding = assertSingle(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf).findings(RULE),
                Severity.ERROR, StoreName.MY, thumbprint(leaf), "stops at", "CN=Example Issuing CA",
                "none of MY, CA and ROOT");
        assertEquals("CN=Example Issuing CA", finding.evidence().get("missingIssuer"));
        assertEquals(thumbprint(leaf) + " [MY]", finding.evidence().get("path"));
    }

    @Test
    void failsNamingAMissingRootAndWhereThePathStops() {
        Finding finding = assertSingle(new HostFixture().add(StoreName.CA, ca).addWithKey(leaf).findings(RULE),
                Severity.ERROR, StoreName.MY, thumbprint(leaf), "stops at 'Example Issuing CA' (" + thumbprint(ca),
                "CN=Example Root");
        assertEquals(thumbprint(leaf) + " [MY] > " + thumbprint(ca) + " [CA]", finding.evidence().get("path"));
    }

    @Test
    void failsWhenTheOnlyCandidateIssuerDidNotSignTheCertificate() {
        Issued rogue = pki.root("Example Rogue CA");
        Issued forged = pki.issue(rogue, pki.spec("bems01.example.com").issuerName("CN=Example Issuing CA"));

        assertSingle(new HostFixture().add(StoreName.ROOT, root, rogue).add(StoreName.CA, ca).addWithKey(forged)
                .findings(RULE), Severity.ERROR, StoreName.MY, thumbprint(forged), "CN=Example Issuing CA");
    }

    @Test
    void passesWhenThePathIsComplete() {
        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }

    @Test
    void aPathEndingAtAnUntrustedRootIsNotIncomplete() {
        assertNone(new HostFixture().add(StoreName.CA, root, ca).addWithKey(leaf).findings(RULE));
    }

    @Test
    void theEvidenceNamesASameNamedIssuerWhoseKeyDidNotSign() {
        // Without key identifiers only the signature tells the impostor apart.
        Issued impostor = pki.issue(root, pki.spec("Example Issuing CA").ca().freshKey().noKeyIdentifiers());
        Issued bare = pki.issue(ca, pki.spec("bems02.example.com").noKeyIdentifiers());
        Finding finding = assertSingle(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, impostor)
                .addWithKey(bare).findings(RULE), Severity.ERROR, StoreName.MY, thumbprint(bare), "stops at");
        String rejected = finding.evidence().get("rejectedPaths");
        assertEquals(true, rejected != null && rejected.contains(impostor.in(StoreName.CA).thumbprint())
                && rejected.contains("CERT_TRUST_IS_NOT_SIGNATURE_VALID"), String.valueOf(rejected));
    }
}
