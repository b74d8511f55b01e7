package io.certaudit.catalog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class OsChainDisagreesTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private StoredCertificate judgedByWindows(int errorStatus) {
        return leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "test key"))
                .withOsChainVerdict(OsChainVerdict.built(errorStatus, 0, List.of("A", "B")));
    }

    @Test
    void warnsWhenWindowsDoesNotTrustAChainTheAuditFindsComplete() {
        List<Finding> findings = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(judgedByWindows(0x00000020))
                .findings("os-chain-disagrees");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("does not trust the chain"), findings.get(0).message());
        assertEquals("complete", findings.get(0).evidence().get("auditStatus"));
        assertEquals("A > B", findings.get(0).evidence().get(OsChainDisagrees.PATH_EVIDENCE));
    }

    @Test
    void warnsWhenWindowsTrustsAChainTheAuditFindsIncomplete() {
        List<Finding> findings = new HostFixture().add(StoreName.ROOT, root)
                .add(judgedByWindows(0x00000000))
                .findings("os-chain-disagrees");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("finds it incomplete"), findings.get(0).message());
    }

    @Test
    void agreementAndBitsJudgedByOtherRulesAreNoFinding() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca);
        assertTrue(host.add(judgedByWindows(0x00000001))
                .findings("os-chain-disagrees").isEmpty());
        assertTrue(new HostFixture().add(StoreName.CA, ca).add(judgedByWindows(0x00010020)).findings("os-chain-disagrees").isEmpty());
    }

    @Test
    void doesNotApplyWithoutTheChainEnginesVerdict() {
        RuleOutcome outcome = new HostFixture().chain(root, ca, leaf).audit().outcomes().stream()
                .filter(o -> o.rule().equals("os-chain-disagrees")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }

    @Test
    void doesNotApplyWhenTheChainEngineBuiltNoChain() {
        StoredCertificate unjudged = leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key"))
                .withOsChainVerdict(OsChainVerdict.failed("0x80092004 (Cannot find object or property.)"));
        RuleOutcome outcome = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(unjudged).audit()
                .outcomes().stream().filter(o -> o.rule().equals("os-chain-disagrees")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome.result());
    }

    @Test
    void warnsWhenWindowsFlagsBasicConstraintsTheAuditFindsMet() {
        List<Finding> findings = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(judgedByWindows(0x00000400))
                .findings("os-chain-disagrees");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).evidence().get("constraintDisagreements")
                .contains("basic constraints: Windows flags it, the audit does not"), findings.get(0).toString());
    }

    @Test
    void agreesWhenBothFlagTheSameConstraint() {
        Issued notCa = pki.issue(root, pki.spec("Example Not A CA").keyUsage(
                org.bouncycastle.asn1.x509.KeyUsage.keyCertSign));
        Issued below = pki.issue(notCa, pki.spec("below.contoso.com"));
        StoredCertificate judged = below.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k", "test key"))
                .withOsChainVerdict(OsChainVerdict.built(0x00000400, 0, List.of()));
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, notCa).add(judged);
        assertEquals(1, host.findings("chain-issuer-not-ca").size());
        assertTrue(host.findings("os-chain-disagrees").isEmpty());

        StoredCertificate silent = below.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k", "test key"))
                .withOsChainVerdict(OsChainVerdict.built(0, 0, List.of()));
        List<Finding> findings = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, notCa).add(silent)
                .findings("os-chain-disagrees");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).evidence().get("constraintDisagreements")
                .contains("basic constraints: the audit flags it, Windows does not"), findings.get(0).toString());
    }

    @Test
    void aDistrustedChainTheAuditFindsCompleteAgreesWithWindowsExplicitDistrust() {
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca)
                .add(StoreName.DISALLOWED, ca).add(judgedByWindows(0x04000000));
        assertTrue(host.findings("os-chain-disagrees").isEmpty());
    }
}
