package io.certaudit.catalog.chain;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private RuleTester.Run findings(Issued ca, Issued leaf) {
        return RuleTester.of(new NameConstraintsViolated()).on(new HostFixture().chain(root, ca, leaf)).run();
    }

    @Test
    void aDnsNameOutsideThePermittedSubtreeFailsAndNamesTheCa() {
        Issued ca = constrainedCa("Names DNS CA", subtrees(new GeneralName(GeneralName.dNSName, "example.com")),
                null);
        Issued outside = pki.issue(ca, pki.spec("pool.other.org").san("pool.other.org"));
        findings(ca, outside).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(outside)
                .messageContains("DNS:pool.other.org", "permitted", "Names DNS CA")
                .evidence("element", RuleTester.thumbprint(ca))
                .evidenceContains("windowsTrustStatus", "CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT");

        Issued inside = pki.issue(ca, pki.spec("pool.example.com").san("pool.example.com", "a.pool.example.com"));
        findings(ca, inside).assertPassed();
    }

    @Test
    void aNameInAnExcludedSubtreeFails() {
        Issued ca = constrainedCa("Names Excluding CA", null,
                subtrees(new GeneralName(GeneralName.dNSName, "bad.example.com")));
        Issued excluded = pki.issue(ca, pki.spec("x.bad.example.com").san("x.bad.example.com"));
        findings(ca, excluded).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(excluded)
                .messageContains("excluded")
                .evidenceContains("windowsTrustStatus", "EXCLUDED");
        findings(ca, pki.issue(ca, pki.spec("good.example.com").san("good.example.com"))).assertPassed();
    }

    @Test
    void ipAddressesAndDirectoryNamesAreHeldToConstraintsOfTheirForm() {
        Issued ca = constrainedCa("Names IP CA", subtrees(
                new GeneralName(GeneralName.iPAddress,
                        new DEROctetString(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0})),
                new GeneralName(new X500Name("O=Example"))), null);
        Issued wrongIp = pki.issue(ca, pki.spec("CN=sbc,O=Example").ipSan("192.0.2.10"));
        findings(ca, wrongIp).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(wrongIp)
                .messageContains("IP:192.0.2.10");
        Issued wrongDn = pki.issue(ca, pki.spec("CN=sbc,O=Other").ipSan("10.1.2.3"));
        findings(ca, wrongDn).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(wrongDn)
                .messageContains("DirName:", "O=Other");
        findings(ca, pki.issue(ca, pki.spec("CN=sbc,O=Example").ipSan("10.1.2.3"))).assertPassed();
    }

    @Test
    void aConstraintFormTheChainEngineDoesNotSupportFails() {
        Issued ca = constrainedCa("Names RegisteredId CA",
                subtrees(new GeneralName(GeneralName.registeredID, "1.2.3.4")), null);
        Issued leaf = pki.issue(ca, pki.spec("reg.example.com").san("reg.example.com"));
        findings(ca, leaf).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("registeredID", "does not support")
                .evidenceContains("windowsTrustStatus", "CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT");
    }
}
