package io.certaudit.catalog.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
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

    private HostFixture host(Tristate my, Tristate ca, Tristate root) {
        return new HostFixture().chain(this.root, this.ca, leaf)
                .storeAccess(StoreName.MY, access("My", my, my == Tristate.UNKNOWN ? NO_ACCOUNT : null))
                .storeAccess(StoreName.CA, access("CA", ca, ca == Tristate.UNKNOWN ? NO_ACCOUNT : null))
                .storeAccess(StoreName.ROOT, access("Root", root, root == Tristate.UNKNOWN ? NO_ACCOUNT : null));
    }

    @Test
    void failsForEachStoreTheServiceAccountCannotRead() {
        List<Finding> findings = host(Tristate.YES, Tristate.NO, Tristate.NO).findings("store-not-readable");
        assertEquals(2, findings.size());
        assertEquals(StoreName.CA, findings.get(0).store());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("LocalMachine\\CA"), findings.get(0).message());
        assertEquals(KEY + "CA", findings.get(0).evidence().get("object"));
    }

    @Test
    void passesWhenEveryStoreIsReadable() {
        assertTrue(host(Tristate.YES, Tristate.YES, Tristate.YES).findings("store-not-readable").isEmpty());
    }

    @Test
    void warnsOncePerReasonNamingTheStoresItCouldNotCheck() {
        List<Finding> findings = host(Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN)
                .findings("store-not-readable");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertNull(findings.get(0).store());
        assertEquals("Could not tell whether the service account can read the LocalMachine\\MY, LocalMachine\\CA "
                + "and LocalMachine\\ROOT stores: " + NO_ACCOUNT + ".", findings.get(0).message());
    }

    @Test
    void doesNotApplyWhenTheSourceDidNotCheckStores() {
        RuleOutcome outcome = new HostFixture().chain(root, ca, leaf).audit().outcomes().stream()
                .filter(o -> o.rule().equals("store-not-readable")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }
}
