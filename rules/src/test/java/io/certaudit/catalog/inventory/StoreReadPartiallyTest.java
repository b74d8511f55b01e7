package io.certaudit.catalog.inventory;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class StoreReadPartiallyTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    @Test
    void warnsOnceForAStoreCutShortAndUnreadableCertificateLeavesItAlone() {
        HostFixture host = new HostFixture().chain(root, ca, leaf).problem(new SourceProblem(StoreName.CA,
                "LocalMachine\\CA", "enumerating LocalMachine\\CA failed after 1 certificate(s): 0x8009200F",
                SourceProblem.Kind.STORE_READ_PARTIALLY));

        List<Finding> findings = host.findings("store-read-partially");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(StoreName.CA, findings.get(0).store());
        assertTrue(findings.get(0).message().contains("after 1 certificate(s)"));
        assertNone(host.findings("unreadable-certificate"));
    }

    @Test
    void anUnreadableEntryIsNotAPartialStore() {
        HostFixture host = new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.CA, "LocalMachine\\CA\\AB12", "not a certificate");
        assertNone(host.findings("store-read-partially"));
        assertEquals(1, host.findings("unreadable-certificate").size());
    }
}
