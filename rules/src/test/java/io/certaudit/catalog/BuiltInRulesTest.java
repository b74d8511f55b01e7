package io.certaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditStatus;
import io.certaudit.engine.Rule;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class BuiltInRulesTest {

    private static final String POOL = "bemsapppool.example.com";

    @Test
    void everyRuleLivesInThePackageOfItsArea() {
        for (Rule rule : BuiltInRules.catalog().rules()) {
            assertEquals("io.certaudit.catalog." + rule.info().area().label(), rule.getClass().getPackageName(),
                    rule.info().id());
        }
    }

    @Test
    void aWellKeptHostHasNoFindingAndEveryRuleWithSomethingToJudgePassed() {
        TestPki pki = new TestPki();
        Issued root = pki.root("Example Root");
        Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(POOL, "bems01.example.com", "bems02.example.com"));

        AuditResult result = new HostFixture().chain(root, ca, leaf)
                .settings(s -> s.withPoolFqdn(POOL).withInstanceFqdns(List.of("bems01.example.com",
                        "BEMS02.example.com")))
                .audit();

        assertTrue(result.findings().isEmpty(), () -> HostFixture.summary(result).toString());
        assertEquals(AuditStatus.OK, result.status());
        Map<String, RuleOutcome.Result> outcomes = new TreeMap<>();
        result.outcomes().forEach(o -> outcomes.put(o.rule(), o.result()));
        assertEquals(BuiltInRules.catalog().rules().size(), outcomes.size());
        // These judged the host and passed; the others had nothing to judge here (a second service certificate, a
        // gateway address, a probed peer, facts only the live Windows source records).
        for (String judged : List.of("no-service-certificate", "unreadable-certificate", "private-key-missing",
                "key-too-short", "chain-incomplete", "chain-untrusted-root", "intermediate-misplaced",
                "self-signed-certificate", "subject-cn-not-fqdn", "san-missing-fqdn", "eku-missing-server-auth",
                "eku-missing-client-auth", "weak-signature-algorithm", "signature-algorithm-unsupported",
                "crl-distribution-point-missing", "certificate-expired", "certificate-not-yet-valid",
                "certificate-expiring", "root-store-non-self-signed", "root-store-too-large",
                "root-store-duplicate")) {
            assertEquals(RuleOutcome.Result.PASSED, outcomes.get(judged), judged);
        }
        assertTrue(outcomes.values().stream().allMatch(r -> r == RuleOutcome.Result.PASSED
                || r == RuleOutcome.Result.NOT_APPLICABLE), outcomes::toString);
    }
}
