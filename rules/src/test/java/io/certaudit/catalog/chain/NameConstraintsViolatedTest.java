package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class NameConstraintsViolatedTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Names Root");

    private static GeneralSubtree[] subtrees(GeneralName... names) {
        GeneralSubtree[] subtrees = new GeneralSubtree[names.length];
        for (int i = 0; i < names.length; i++) {
            subtrees[i] = new GeneralSubtree(names[i]);
        }
        return subtrees;
    }

    private Issued constrainedCa(String name, GeneralSubtree[] permitted, GeneralSubtree[] excluded) {
        return pki.issue(root, pki.spec(name).ca().extension(Extension.nameConstraints, true,
                new NameConstraints(permitted, excluded)));
    }

    private List<Finding> findings(Issued ca, Issued leaf) {
        return new HostFixture().chain(root, ca, leaf).findings("name-constraints-violated");
    }

    @Test
    void aDnsNameOutsideThePermittedSubtreeFailsAndNamesTheCa() {
        Issued ca = constrainedCa("Names DNS CA", subtrees(new GeneralName(GeneralName.dNSName, "example.com")),
                null);
        Issued outside = pki.issue(ca, pki.spec("pool.other.org").san("pool.other.org"));
        Finding finding = assertSingle(findings(ca, outside), Severity.ERROR, StoreName.MY,
                outside.in(StoreName.MY).thumbprint(), "DNS:pool.other.org", "permitted", "Names DNS CA");
        assertEquals(ca.in(StoreName.CA).thumbprint(), finding.evidence().get("element"));
        assertTrue(finding.evidence().get("windowsTrustStatus")
                .contains("CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT"));

        Issued inside = pki.issue(ca, pki.spec("pool.example.com").san("pool.example.com", "a.pool.example.com"));
        assertNone(findings(ca, inside));
    }

    @Test
    void aNameInAnExcludedSubtreeFails() {
        Issued ca = constrainedCa("Names Excluding CA", null,
                subtrees(new GeneralName(GeneralName.dNSName, "bad.example.com")));
        Issued excluded = pki.issue(ca, pki.spec("x.bad.example.com").san("x.bad.example.com"));
        Finding finding = assertSingle(findings(ca, excluded), Severity.ERROR, StoreName.MY,
                excluded.in(StoreName.MY).thumbprint(), "excluded");
        assertTrue(finding.evidence().get("windowsTrustStatus").contains("EXCLUDED"));
        assertNone(findings(ca, pki.issue(ca, pki.spec("good.example.com").san("good.example.com"))));
    }

    @Test
    void ipAddressesAndDirectoryNamesAreHeldToConstraintsOfTheirForm() {
        Issued ca = constrainedCa("Names IP CA", subtrees(
                new GeneralName(GeneralName.iPAddress,
                        new DEROctetString(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0})),
                new GeneralName(new X500Name("O=Example"))), null);
        Issued wrongIp = pki.issue(ca, pki.spec("CN=sbc,O=Example").ipSan("192.0.2.10"));
        assertSingle(findings(ca, wrongIp), Severity.ERROR, StoreName.MY, wrongIp.in(StoreName.MY).thumbprint(),
                "IP:192.0.2.10");
        Issued wrongDn = pki.issue(ca, pki.spec("CN=sbc,O=Other").ipSan("10.1.2.3"));
        assertSingle(findings(ca, wrongDn), Severity.ERROR, StoreName.MY, wrongDn.in(StoreName.MY).thumbprint(),
                "DirName:", "O=Other");
        assertNone(findings(ca, pki.issue(ca, pki.spec("CN=sbc,O=Example").ipSan("10.1.2.3"))));
    }

    @Test
    void aConstraintFormTheChainEngineDoesNotSupportFails() {
        Issued ca = constrainedCa("Names RegisteredId CA",
                subtrees(new GeneralName(GeneralName.registeredID, "1.2.3.4")), null);
        Issued leaf = pki.issue(ca, pki.spec("reg.example.com").san("reg.example.com"));
        Finding finding = assertSingle(findings(ca, leaf), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "registeredID", "does not support");
        assertTrue(finding.evidence().get("windowsTrustStatus")
                .contains("CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT"));
    }
}
