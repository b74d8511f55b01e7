package io.certaudit.catalog.keys;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyUnverifiedTest {

    private static final String RULE = "private-key-unverified";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private HostFixture host(PrivateKeyFacts key) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    @Test
    void warnsWithTheSourcesReasonWhenTheKeyCouldNotBeChecked() {
        PrivateKeyFacts unopened = new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key could not be opened without administrator rights");
        Finding finding = assertSingle(host(unopened).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "could not be verified", "administrator rights");
        assertEquals("te-WebServer-1234", finding.evidence().get("container"));
    }

    private Finding unverified(Tristate elevated) {
        PrivateKeyFacts unopened = new PrivateKeyFacts(Tristate.UNKNOWN, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-WebServer-1234", Tristate.YES, null, null,
                "the key could not be opened");
        return assertSingle(host(unopened).auditElevated(elevated).findings(RULE), Severity.WARNING, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "could not be verified");
    }

    @Test
    void runningAsAdministratorIsTheFixOnlyWhenTheAuditWasNotElevated() {
        String notElevated = unverified(Tristate.NO).remediation();
        assertTrue(notElevated.contains("run it on the host as administrator"), notElevated);

        String elevated = unverified(Tristate.YES).remediation();
        assertTrue(elevated.contains("running elevated again does not help"), elevated);
        assertFalse(elevated.contains("run it on the host as administrator"), elevated);
        assertTrue(elevated.contains("certutil -verifystore my THUMBPRINT"), elevated);

        String unknown = unverified(Tristate.UNKNOWN).remediation();
        assertTrue(unknown.contains("Either the audit lacked the rights") && unknown.contains("export"), unknown);
    }

    @Test
    void saysNothingWhenTheSourceKnowsEitherWay() {
        assertNone(host(PrivateKeyFacts.inFile("bems01.key", "matches")).findings(RULE));
        assertNone(host(PrivateKeyFacts.absent("no key")).findings(RULE));
    }
}
