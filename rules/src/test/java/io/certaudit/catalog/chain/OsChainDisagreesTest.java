package io.certaudit.catalog.chain;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new OsChainDisagrees()).on(host).run();
    }

    @Test
    void warnsWhenWindowsDoesNotTrustAChainTheAuditFindsComplete() {
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(judgedByWindows(0x00000020)))
                .assertFailed()
                .onlyFinding().about(leaf).severity(Severity.WARNING)
                .messageContains("does not trust the chain")
                .evidence("auditStatus", "complete")
                .evidence(OsChainDisagrees.PATH_EVIDENCE, "A > B");
    }

    @Test
    void warnsWhenWindowsTrustsAChainTheAuditFindsIncomplete() {
        run(new HostFixture().add(StoreName.ROOT, root).add(judgedByWindows(0x00000000)))
                .assertFailed()
                .onlyFinding().about(leaf).messageContains("finds it incomplete");
    }

    @Test
    void agreementAndBitsJudgedByOtherRulesAreNoFinding() {
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(judgedByWindows(0x00000001)))
                .assertPassed();
        run(new HostFixture().add(StoreName.CA, ca).add(judgedByWindows(0x00010020))).assertPassed();
    }

    @Test
    void doesNotApplyWithoutTheChainEnginesVerdict() {
        run(new HostFixture().chain(root, ca, leaf))
                .assertNotApplicable("no certificate carries the Windows chain engine's verdict");
    }

    @Test
    void doesNotApplyWhenTheChainEngineBuiltNoChain() {
        StoredCertificate unjudged = leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key"))
                .withOsChainVerdict(OsChainVerdict.failed("0x80092004 (Cannot find object or property.)"));

        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(unjudged))
                .assertNotApplicable("the chain engine built no chain to compare with");
    }

    @Test
    void warnsWhenWindowsFlagsBasicConstraintsTheAuditFindsMet() {
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(judgedByWindows(0x00000400)))
                .assertFailed()
                .onlyFinding()
                .evidenceContains("constraintDisagreements", "basic constraints: Windows flags it, the audit does not");
    }

    @Test
    void agreesWhenBothFlagTheSameConstraint() {
        Issued notCa = pki.issue(root, pki.spec("Example Not A CA").keyUsage(KeyUsage.keyCertSign));
        Issued below = pki.issue(notCa, pki.spec("below.contoso.com"));
        StoredCertificate judged = below.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k", "test key"))
                .withOsChainVerdict(OsChainVerdict.built(0x00000400, 0, List.of()));
        HostFixture host = new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, notCa).add(judged);

        // The audit's own verdict on this chain, by the rule that judges basic constraints.
        RuleTester.of(new ChainIssuerNotCa()).on(host).run().assertFailed().assertFindingCount(1);
        run(host).assertPassed();

        StoredCertificate silent = below.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k", "test key"))
                .withOsChainVerdict(OsChainVerdict.built(0, 0, List.of()));
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, notCa).add(silent))
                .assertFailed()
                .onlyFinding().about(below)
                .evidenceContains("constraintDisagreements", "basic constraints: the audit flags it, Windows does not");
    }

    @Test
    void aDistrustedChainTheAuditFindsCompleteAgreesWithWindowsExplicitDistrust() {
        run(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(StoreName.DISALLOWED, ca)
                .add(judgedByWindows(0x04000000))).assertPassed();
    }
}
