package io.certaudit.catalog.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class StoreNotReadableTest {

    private static final String KEY = "MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\";
    private static final String NO_ACCOUNT = "no service account configured";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private static AccessFacts access(String key, Tristate canRead, String reason) {
        return new AccessFacts(KEY + key, canRead == Tristate.UNKNOWN ? null : "NT SERVICE\\GoodTechnology",
                null, canRead, null, List.of(), reason);
    }

    private RuleTester.Run run(Tristate my, Tristate ca, Tristate root) {
        return RuleTester.of(new StoreNotReadable()).on(new HostFixture().chain(this.root, this.ca, leaf)
                .storeAccess(StoreName.MY, access("My", my, my == Tristate.UNKNOWN ? NO_ACCOUNT : null))
                .storeAccess(StoreName.CA, access("CA", ca, ca == Tristate.UNKNOWN ? NO_ACCOUNT : null))
                .storeAccess(StoreName.ROOT, access("Root", root, root == Tristate.UNKNOWN ? NO_ACCOUNT : null)))
                .run();
    }

    @Test
    void failsForEachStoreTheServiceAccountCannotRead() {
        RuleTester.Run run = run(Tristate.YES, Tristate.NO, Tristate.NO).assertFailed().assertFindingCount(2);
        run.hostFinding(StoreName.CA).severity(Severity.ERROR).messageContains("LocalMachine\\CA")
                .evidence("object", KEY + "CA").evidence("account", "NT SERVICE\\GoodTechnology");
        run.hostFinding(StoreName.ROOT).severity(Severity.ERROR).evidence("object", KEY + "Root");
    }

    @Test
    void passesWhenEveryStoreIsReadable() {
        run(Tristate.YES, Tristate.YES, Tristate.YES).assertPassed();
    }

    @Test
    void warnsOncePerReasonNamingTheStoresItCouldNotCheck() {
        run(Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(null).noCertificate()
                .messageContains("Could not tell whether the service account can read the LocalMachine\\MY, "
                        + "LocalMachine\\CA and LocalMachine\\ROOT stores: " + NO_ACCOUNT + ".")
                .evidence("MY", KEY + "My").evidence("ROOT", KEY + "Root");
    }

    @Test
    void doesNotApplyWhenTheSourceDidNotCheckStores() {
        RuleTester.of(new StoreNotReadable()).on(new HostFixture().chain(root, ca, leaf)).run()
                .assertNotApplicable("the source recorded no store access (only the live Windows source does)");
    }
}
