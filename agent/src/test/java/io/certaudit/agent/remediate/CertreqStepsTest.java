package io.certaudit.agent.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The remediation of a finding a new certificate fixes names certaudit remediate, the INF it writes for that
 * certificate and the three certreq commands; every other finding keeps the rule's remediation as it is.
 */
class CertreqStepsTest {

    private static final String POOL = "bemsapppool.example.com";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static Finding only(AuditResult result, String rule) {
        List<Finding> found = result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, found.size(), () -> rule + " in " + result.findings());
        return found.get(0);
    }

    private static String ruleRemediation(String rule) {
        return String.join(" ", BuiltInRules.catalog().find(rule).orElseThrow().remediation());
    }

    @Test
    void aShortKeyOnTheServiceCertificateNamesItsInfAndTheThreeCommands() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(POOL).rsa(1024));
        String thumbprint = leaf.in(StoreName.MY).thumbprint();
        AuditResult result = CertreqSteps.inRemediations(new HostFixture().chain(root, ca, leaf)
                .settings(s -> s.withPoolFqdn(POOL)).audit());
        String remediation = only(result, "key-too-short").remediation();
        String base = "certreq-" + thumbprint;
        assertTrue(remediation.startsWith(ruleRemediation("key-too-short")), remediation);
        assertTrue(remediation.contains("certaudit remediate --output-dir DIR"), remediation);
        assertTrue(remediation.contains(base + ".inf"), remediation);
        assertTrue(remediation.contains("certreq -new -machine " + base + ".inf " + base + ".req"), remediation);
        assertTrue(remediation.contains("certreq -submit -config \"CAHOST\\CA Name\" " + base + ".req " + base
                + ".cer"), remediation);
        assertTrue(remediation.contains("certreq -accept -machine " + base + ".cer"), remediation);
        assertTrue(!remediation.contains("--pool-fqdn"), "the pool FQDN is configured: " + remediation);
    }

    @Test
    void aFindingOnTheIssuingCaOrOneANewCertificateDoesNotFixKeepsTheRulesRemediation() {
        Issued weakCa = pki.issue(root, pki.spec("Weak Issuing CA").ca().signedWith("SHA1withRSA"));
        Issued leaf = pki.issue(weakCa, pki.spec(POOL).san(POOL));
        // The CA sits in the Personal store: the leaf is fine, the chain is not, and no new leaf fixes that.
        AuditResult audited = new HostFixture().add(StoreName.ROOT, root).add(StoreName.MY, weakCa)
                .addWithKey(leaf).settings(s -> s.withPoolFqdn(POOL)).audit();
        AuditResult result = CertreqSteps.inRemediations(audited);
        Finding weak = only(result, "weak-signature-algorithm");
        assertEquals(ruleRemediation("weak-signature-algorithm"), weak.remediation());
        assertTrue(result.findings().size() > 1, result.findings()::toString);
        for (Finding finding : result.findings()) {
            assertEquals(ruleRemediation(finding.rule()), finding.remediation(), finding::toString);
        }
        assertEquals(audited.findings().stream().map(Finding::rule).toList(),
                result.findings().stream().map(Finding::rule).toList(), "the same findings, in the same order");
    }

    @Test
    void noServiceCertificateNamesTheNewRequestAndTheNamesTheRequestNeeds() {
        AuditResult result = CertreqSteps.inRemediations(new HostFixture().add(StoreName.ROOT, root).audit());
        String remediation = only(result, "no-service-certificate").remediation();
        assertTrue(remediation.contains("certreq -new -machine certreq-new.inf certreq-new.req"), remediation);
        assertTrue(remediation.contains("certreq -accept -machine certreq-new.cer"), remediation);
        assertTrue(remediation.contains("--pool-fqdn") && remediation.contains("--gateway-address"),
                "no name is configured, and remediate needs one: " + remediation);
    }
}
