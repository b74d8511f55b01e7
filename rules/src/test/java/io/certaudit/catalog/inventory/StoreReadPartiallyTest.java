package io.certaudit.catalog.inventory;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class StoreReadPartiallyTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new StoreReadPartially()).on(host).run();
    }

    @Test
    void warnsOnceForAStoreCutShortAndUnreadableCertificateLeavesItAlone() {
        HostFixture host = new HostFixture().chain(root, ca, leaf).problem(new SourceProblem(StoreName.CA,
                "LocalMachine\\CA", "enumerating LocalMachine\\CA failed after 1 certificate(s): 0x8009200F",
                SourceProblem.Kind.STORE_READ_PARTIALLY));

        run(host).assertFailed()
                .onlyFinding().severity(Severity.WARNING).store(StoreName.CA).messageContains("after 1 certificate(s)");
        RuleTester.of(new UnreadableCertificate()).on(host).run().assertNoFindings();
    }

    @Test
    void anUnreadableEntryIsNotAPartialStore() {
        HostFixture host = new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.CA, "LocalMachine\\CA\\AB12", "not a certificate");
        run(host).assertPassed();
        RuleTester.of(new UnreadableCertificate()).on(host).run().assertFailed().assertFindingCount(1);
    }
}
