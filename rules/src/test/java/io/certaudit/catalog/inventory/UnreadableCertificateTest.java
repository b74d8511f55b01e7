package io.certaudit.catalog.inventory;

import static io.certaudit.testing.FindingAssertions.assertFinding;
import static io.certaudit.testing.FindingAssertions.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class UnreadableCertificateTest {

    private static final String RULE = "unreadable-certificate";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems01.example.com").san("bems01.example.com"));

    @Test
    void everyEntryTheSourceCouldNotReadBecomesAWarning() {
        List<Finding> findings = new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.CA, "intermediate/broken.cer", "not a decodable X.509 certificate: truncated")
                .problem(null, "bems.pfx", "wrong PFX password")
                .findings(RULE).stream().sorted(Comparator.comparing(Finding::message)).toList();

        assertEquals(2, findings.size(), findings::toString);
        assertFinding(findings.get(0), Severity.WARNING, null, null, "bems.pfx: wrong PFX password");
        assertFinding(findings.get(1), Severity.WARNING, StoreName.CA, null,
                "intermediate/broken.cer: not a decodable X.509 certificate: truncated");
        assertEquals("intermediate/broken.cer", findings.get(1).evidence().get("origin"));
    }

    @Test
    void theAuditOfTheReadableCertificatesGoesOn() {
        AuditResult result = new HostFixture().chain(root, ca, leaf)
                .problem(StoreName.MY, "personal/garbage.pem", "no certificate in the file").audit();

        assertEquals(List.of(RULE), result.findings().stream().map(Finding::rule).distinct().toList());
        assertEquals(RuleOutcome.Result.PASSED, outcome(result, "chain-incomplete"));
    }

    @Test
    void passesWhenEverythingWasRead() {
        AuditResult result = new HostFixture().chain(root, ca, leaf).audit();

        assertNone(result.findings().stream().filter(f -> f.rule().equals(RULE)).toList());
        assertEquals(RuleOutcome.Result.PASSED, outcome(result, RULE));
    }

    private static RuleOutcome.Result outcome(AuditResult result, String rule) {
        return result.outcomes().stream().filter(o -> o.rule().equals(rule)).findFirst().orElseThrow().result();
    }
}
