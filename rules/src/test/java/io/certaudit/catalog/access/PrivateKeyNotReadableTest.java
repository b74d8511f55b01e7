package io.certaudit.catalog.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PrivateKeyNotReadableTest {

    private static final String KEY_FILE = "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\c0ffee_guid";
    private static final String ACCOUNT = "NT SERVICE\\GoodTechnology";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private RuleTester.Run run(Tristate present, AccessFacts access) {
        return run(host(present, access));
    }

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new PrivateKeyNotReadable()).on(host).run();
    }

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
        run(Tristate.YES, access(Tristate.NO, null)).assertFailed()
                .onlyFinding().about(leaf).severity(Severity.ERROR).store(StoreName.MY)
                .messageContains("The service account " + ACCOUNT + " cannot read the private key (" + KEY_FILE + ")")
                .evidence("sddl", "O:BAG:SYD:(A;;FA;;;SY)")
                .evidenceContains("acl", "NT AUTHORITY\\SYSTEM");
    }

    @Test
    void aKeyTheAccountCannotReadIsFixedByGrantingReadNotByRunningElevated() {
        for (Tristate elevated : Tristate.values()) {
            run(host(Tristate.YES, access(Tristate.NO, null)).auditElevated(elevated)).assertFailed()
                    .onlyFinding()
                    .remediationStartsWith("Grant the service account Read")
                    .remediationLacks("administrator");
        }
    }

    @Test
    void whenTheAuditCouldNotTellTheRemediationFollowsWhatItKnowsOfItsRights() {
        AccessFacts unreadableAcl = access(Tristate.UNKNOWN, "the key file's ACL could not be read");
        run(host(Tristate.YES, unreadableAcl).auditElevated(Tristate.NO)).assertFailed()
                .onlyFinding().remediationStartsWith("Run the audit as administrator");
        run(host(Tristate.YES, unreadableAcl).auditElevated(Tristate.YES)).assertFailed()
                .onlyFinding().remediationContains("running elevated again does not help");
        run(host(Tristate.YES, unreadableAcl)).assertFailed()
                .onlyFinding().remediationContains("If the audit ran without administrator rights", "otherwise");
        AccessFacts noAccount = new AccessFacts(KEY_FILE, null, null, Tristate.UNKNOWN, null, List.of(),
                "no service account configured");
        run(host(Tristate.YES, noAccount).auditElevated(Tristate.NO)).assertFailed()
                .onlyFinding()
                .remediationStartsWith("Name the service account with --service-name")
                .remediationLacks("administrator");
    }

    @Test
    void passesWhenItCan() {
        run(Tristate.YES, access(Tristate.YES, null)).assertPassed();
    }

    @Test
    void warnsAndSaysWhyWhenTheSourceCouldNotTell() {
        run(Tristate.YES, access(Tristate.UNKNOWN, "no service account configured: name the service with "
                + "--service-name")).assertFailed()
                .onlyFinding().about(leaf).severity(Severity.WARNING).messageContains("no service account configured");
    }

    @Test
    void doesNotApplyWhenTheKeyIsMissingOrTheSourceDidNotCheckAccess() {
        run(Tristate.NO, access(Tristate.NO, null)).assertNotApplicable("the certificate has no key to read");
        RuleTester.of(new PrivateKeyNotReadable()).on(new HostFixture().chain(root, ca, leaf)).run()
                .assertNotApplicable("a folder source records no access to the key");
    }
}
