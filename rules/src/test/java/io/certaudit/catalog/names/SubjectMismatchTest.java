package io.certaudit.catalog.names;

import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SubjectMismatchTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private List<Finding> audit(String cn, String gateway) {
        Issued leaf = pki.issue(ca, pki.spec(cn).san(cn));
        return new HostFixture().chain(root, ca, leaf)
                .settings(s -> s.withGatewayAddress(gateway))
                .findings("subject-mismatch");
    }

    @Test
    void passesWhenCnIsExactlyTheGatewayAddress() {
        assertTrue(audit("sbcexternal.contoso.com", "sbcexternal.contoso.com").isEmpty());
    }

    @Test
    void failsWhenCnDiffersOnlyInLetterCase() {
        List<Finding> findings = audit("SBCexternal.contoso.com", "sbcexternal.contoso.com");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("letter case"), findings.get(0).message());
    }

    @Test
    void failsWhenTheGatewayAddressIsOnlyInTheSan() {
        Issued leaf = pki.issue(ca, pki.spec("sbc01.contoso.com").san("sbc01.contoso.com", "sbcexternal.contoso.com"));
        List<Finding> findings = new HostFixture().chain(root, ca, leaf)
                .settings(s -> s.withGatewayAddress("sbcexternal.contoso.com"))
                .findings("subject-mismatch");

        Finding finding = assertSingle(findings, Severity.ERROR, StoreName.MY, leaf.in(StoreName.MY).thumbprint(),
                "subject CN 'sbc01.contoso.com'", "not the gateway address 'sbcexternal.contoso.com'");
        assertFalse(finding.message().contains("letter case"), finding.message());
    }

    @Test
    void doesNotApplyWithoutAGatewayAddress() {
        Issued leaf = pki.issue(ca, pki.spec("other.contoso.com").san("other.contoso.com"));
        assertTrue(new HostFixture().chain(root, ca, leaf).findings("subject-mismatch").isEmpty());
    }
}
