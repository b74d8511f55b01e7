package io.certaudit.catalog.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.catalog.chain.ChainIncomplete;
import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class UnreadableCertificateTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new UnreadableCertificate()).on(host).run();
    }

    @Test
    void everyEntryTheSourceCouldNotReadBecomesAWarning() {
        RuleTester.Run run = run(new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.CA, "intermediate/broken.cer", "not a decodable X.509 certificate: truncated")
                .problem(null, "bems.pfx", "wrong PFX password"))
                .assertFailed().assertFindingCount(2);

        run.findingMentioning("bems.pfx").severity(Severity.WARNING).store(null).noCertificate()
                .messageContains("bems.pfx: wrong PFX password");
        run.findingMentioning("intermediate/broken.cer").severity(Severity.WARNING).store(StoreName.CA)
                .noCertificate()
                .messageContains("intermediate/broken.cer: not a decodable X.509 certificate: truncated")
                .evidence("origin", "intermediate/broken.cer");
    }

    @Test
    void theAuditOfTheReadableCertificatesGoesOn() {
        HostFixture host = new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.MY, "personal/garbage.pem", "no certificate in the file");

        run(host).assertFailed().onlyFinding().store(StoreName.MY).messageContains("personal/garbage.pem");
        // The certificates that were read are still judged: their chain is complete ...
        RuleTester.of(new ChainIncomplete()).on(host).run().assertPassed();
        // ... and across the whole catalogue the unreadable entry is the only thing found.
        assertEquals(List.of("unreadable-certificate"),
                host.audit().findings().stream().map(Finding::rule).distinct().toList());
    }

    @Test
    void passesWhenEverythingWasRead() {
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }
}
