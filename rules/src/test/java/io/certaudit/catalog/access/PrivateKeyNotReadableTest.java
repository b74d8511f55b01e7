package io.certaudit.catalog.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyNotReadableTest {

    private static final String KEY_FILE = "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\c0ffee_guid";
    private static final String ACCOUNT = "NT SERVICE\\GoodTechnology";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private HostFixture host(Tristate present, AccessFacts access) {
        PrivateKeyFacts key = new PrivateKeyFacts(present, KeyKind.CAPI, "Microsoft Enhanced RSA and AES "
                + "Cryptographic Provider", "bems-key", Tristate.YES, KEY_FILE, access, "the private key opened");
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(leaf.in(StoreName.MY).withPrivateKey(key));
    }

    private static AccessFacts access(Tristate canRead, String reason) {
        return new AccessFacts(KEY_FILE, ACCOUNT, "S-1-5-80-1", canRead, "O:BAG:SYD:(A;;FA;;;SY)",
                List.of("allow NT AUTHORITY\\SYSTEM (S-1-5-18): full control (0x001F01FF)"), reason);
    }

    @Test
    void failsWhenTheServiceAccountCannotReadTheKeyFile() {
        List<Finding> findings = host(Tristate.YES, access(Tristate.NO, null)).findings("private-key-not-readable");
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().startsWith("The service account " + ACCOUNT + " cannot read the private key ("
                + KEY_FILE + ")"), finding.message());
        assertEquals("O:BAG:SYD:(A;;FA;;;SY)", finding.evidence().get("sddl"));
        assertTrue(finding.evidence().get("acl").contains("NT AUTHORITY\\SYSTEM"));
    }

    @Test
    void aKeyTheAccountCannotReadIsFixedByGrantingReadNotByRunningElevated() {
        for (Tristate elevated : Tristate.values()) {
            String remediation = host(Tristate.YES, access(Tristate.NO, null)).auditElevated(elevated)
                    .findings("private-key-not-readable").get(0).remediation();
            assertTrue(remediation.startsWith("Grant the service account Read"), remediation);
            assertFalse(remediation.contains("administrator"), remediation);
        }
    }

    @Test
    void whenTheAuditCouldNotTellTheRemediationFollowsWhatItKnowsOfItsRights() {
        AccessFacts unreadableAcl = access(Tristate.UNKNOWN, "the key file's ACL could not be read");
        String notElevated = host(Tristate.YES, unreadableAcl).auditElevated(Tristate.NO)
                .findings("private-key-not-readable").get(0).remediation();
        assertTrue(notElevated.startsWith("Run the audit as administrator"), notElevated);
        String elevated = host(Tristate.YES, unreadableAcl).auditElevated(Tristate.YES)
                .findings("private-key-not-readable").get(0).remediation();
        assertTrue(elevated.contains("running elevated again does not help"), elevated);
        String unknown = host(Tristate.YES, unreadableAcl).findings("private-key-not-readable").get(0).remediation();
        assertTrue(unknown.contains("If the audit ran without administrator rights") && unknown.contains("otherwise"),
                unknown);
        AccessFacts noAccount = new AccessFacts(KEY_FILE, null, null, Tristate.UNKNOWN, null, List.of(),
                "no service account configured");
        String named = host(Tristate.YES, noAccount).auditElevated(Tristate.NO).findings("private-key-not-readable")
                .get(0).remediation();
        assertTrue(named.startsWith("Name the service account with --service-name"), named);
        assertFalse(named.contains("administrator"), named);
    }

    @Test
    void passesWhenItCan() {
        assertTrue(host(Tristate.YES, access(Tristate.YES, null)).findings("private-key-not-readable").isEmpty());
    }

    @Test
    void warnsAndSaysWhyWhenTheSourceCouldNotTell() {
        List<Finding> findings = host(Tristate.YES, access(Tristate.UNKNOWN,
                "no service account configured: name the service with --service-name"))
                .findings("private-key-not-readable");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("no service account configured"), findings.get(0).message());
    }

    @Test
    void doesNotApplyWhenTheKeyIsMissingOrTheSourceDidNotCheckAccess() {
        assertTrue(host(Tristate.NO, access(Tristate.NO, null)).findings("private-key-not-readable").isEmpty());
        HostFixture folder = new HostFixture().chain(root, ca, leaf);
        assertTrue(folder.findings("private-key-not-readable").isEmpty());
        RuleOutcome outcome = folder.audit().outcomes().stream()
                .filter(o -> o.rule().equals("private-key-not-readable")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }
}
