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
        PrivateKeyFacts key = new PrivateKeyFacts(present, KeyKind.CAPI, "Microsoft Enhanced RSA and AES "
                + "Cryptographic Provider", "bems-key", Tristate.YES, KEY_FILE, access, "the private key opened");
        return RuleTester.of(new PrivateKeyNotReadable()).on(new HostFixture().add(StoreName.ROOT, root)
                .add(StoreName.CA, ca).add(leaf.in(StoreName.MY).withPrivateKey(key))).run();
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
