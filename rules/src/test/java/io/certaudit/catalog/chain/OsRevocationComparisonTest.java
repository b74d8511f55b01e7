package io.certaudit.catalog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationCheck.Status;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * The revocation rules compare Windows' chain engine, when it was asked to check revocation, with the audit's own
 * answers for each service chain: where they disagree, the findings carry the engine's verdict and say so.
 */
class OsRevocationComparisonTest {

    private static final int REVOKED = 0x00000004;
    private static final int UNKNOWN = 0x00000040;
    private static final int OFFLINE = 0x01000000;
    private static final int UNTRUSTED_ROOT = 0x00000020;

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("bems.contoso.com").san("bems.contoso.com"));

    private StoredCertificate service(OsChainVerdict verdict) {
        return leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "test key"))
                .withOsChainVerdict(verdict);
    }

    private String leafThumbprint() {
        return leaf.in(StoreName.MY).thumbprint();
    }

    private RevocationCheck check(Issued certificate, StoreName store, Status status) {
        StoredCertificate stored = certificate.in(store);
        return new RevocationCheck(stored.thumbprint(), stored.subjectPrincipal().getName(), "CN=issuer", store, null,
                List.of(leafThumbprint()), status, status == Status.REVOKED ? "keyCompromise" : null, null,
                List.of(), status == Status.UNKNOWN ? "no location named" : null);
    }

    /** A host whose service chain Windows judged with {@code verdict}, and the audit with the leaf and CA checks. */
    private HostFixture host(OsChainVerdict verdict, Status leafStatus, Status caStatus) {
        return new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(service(verdict))
                .revocation(new RevocationFacts(true, null, List.of(check(leaf, StoreName.MY, leafStatus),
                        check(ca, StoreName.CA, caStatus)), 2, 32));
    }

    private static OsChainVerdict checking(int errorStatus) {
        return OsChainVerdict.builtCheckingRevocation(errorStatus, 0, List.of("A", "B", "C"));
    }

    private static boolean carriesWindowsVerdict(Finding finding) {
        return finding.evidence().containsKey(RevocationEvidence.OS_REVOCATION_STATUS);
    }

    @Test
    void windowsRevokedWhereTheAuditSaysGoodFailsOnTheServiceCertificate() {
        List<Finding> findings = host(checking(REVOKED), Status.GOOD, Status.GOOD).findings("certificate-revoked");
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(leafThumbprint(), finding.thumbprint());
        assertEquals("revoked", finding.evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertEquals("IS_REVOKED", finding.evidence().get(RevocationEvidence.OS_REVOCATION_ERRORS));
        assertEquals("0x00000004", finding.evidence().get(RevocationEvidence.OS_CHAIN_ERROR_STATUS));
        assertEquals(leafThumbprint(), finding.evidence().get(RevocationEvidence.OS_CHAIN_OF));
        assertEquals("good", finding.evidence().get("status"));
        assertTrue(finding.message().contains("Windows disagreed"), finding.message());
    }

    @Test
    void windowsRevokedWhereTheAuditSaysUnknownFailsAndTheUnknownWarningCarriesTheVerdict() {
        HostFixture host = host(checking(REVOKED), Status.UNKNOWN, Status.GOOD);
        List<Finding> revoked = host.findings("certificate-revoked");
        assertEquals(1, revoked.size());
        assertEquals("unknown", revoked.get(0).evidence().get("status"));
        List<Finding> unavailable = host.findings("revocation-status-unavailable");
        assertEquals(1, unavailable.size());
        assertEquals("revoked", unavailable.get(0).evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertTrue(unavailable.get(0).message().contains("Windows disagreed"), unavailable.get(0).message());
    }

    @Test
    void theAuditRevokedWhereWindowsSaysGoodKeepsTheAuditsFindingWithWindowsVerdict() {
        List<Finding> findings = host(checking(0), Status.GOOD, Status.REVOKED).findings("certificate-revoked");
        assertEquals(1, findings.size(), "only the audit's finding on the revoked CA: Windows adds none");
        Finding finding = findings.get(0);
        assertEquals(StoreName.CA, finding.store());
        assertEquals("good", finding.evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertEquals("none", finding.evidence().get(RevocationEvidence.OS_REVOCATION_ERRORS));
        assertTrue(finding.message().contains("Windows disagreed"), finding.message());
    }

    @Test
    void theAuditRevokedWhereWindowsIsOfflineCarriesTheOfflineVerdict() {
        Finding finding = host(checking(UNKNOWN | OFFLINE), Status.REVOKED, Status.GOOD)
                .findings("certificate-revoked").get(0);
        assertEquals("unknown", finding.evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertEquals("REVOCATION_STATUS_UNKNOWN, IS_OFFLINE_REVOCATION",
                finding.evidence().get(RevocationEvidence.OS_REVOCATION_ERRORS));
    }

    @Test
    void windowsOfflineWhereTheAuditGotVerifiedAnswersWarnsOnTheServiceCertificate() {
        HostFixture host = host(checking(UNKNOWN | OFFLINE), Status.GOOD, Status.GOOD);
        List<Finding> findings = host.findings("revocation-status-unavailable");
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(leafThumbprint(), finding.thumbprint());
        assertEquals("unknown", finding.evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertEquals("good", finding.evidence().get("status"));
        assertTrue(finding.message().contains("Windows disagreed"), finding.message());
        assertTrue(host.findings("certificate-revoked").isEmpty());
    }

    @Test
    void theAuditUnknownWhereWindowsGotAStatusKeepsTheWarningAndSaysWindowsDisagreed() {
        List<Finding> findings = host(checking(0), Status.GOOD, Status.UNKNOWN)
                .findings("revocation-status-unavailable");
        assertEquals(1, findings.size());
        assertEquals(StoreName.CA, findings.get(0).store());
        assertEquals("good", findings.get(0).evidence().get(RevocationEvidence.OS_REVOCATION_STATUS));
        assertTrue(findings.get(0).message().contains("Windows disagreed"), findings.get(0).message());
        assertFalse(findings.get(0).message().contains("Windows would report it as unknown"),
                findings.get(0).message());
    }

    @Test
    void agreementAddsNothing() {
        HostFixture bothGood = host(checking(0), Status.GOOD, Status.GOOD);
        assertEquals(RuleOutcome.Result.PASSED, outcome(bothGood, "certificate-revoked"));
        assertEquals(RuleOutcome.Result.PASSED, outcome(bothGood, "revocation-status-unavailable"));
        List<Finding> bothRevoked = host(checking(REVOKED), Status.REVOKED, Status.GOOD)
                .findings("certificate-revoked");
        assertEquals(1, bothRevoked.size());
        assertFalse(carriesWindowsVerdict(bothRevoked.get(0)));
        List<Finding> bothUnknown = host(checking(UNKNOWN | OFFLINE), Status.UNKNOWN, Status.GOOD)
                .findings("revocation-status-unavailable");
        assertEquals(1, bothUnknown.size());
        assertFalse(carriesWindowsVerdict(bothUnknown.get(0)));
    }

    @Test
    void nothingIsComparedWhenTheEngineWasNotAskedToCheckRevocation() {
        OsChainVerdict notAsked = OsChainVerdict.built(REVOKED | UNKNOWN | OFFLINE, 0, List.of("A", "B", "C"));
        HostFixture host = host(notAsked, Status.GOOD, Status.GOOD);
        assertEquals(RuleOutcome.Result.PASSED, outcome(host, "certificate-revoked"));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host, "revocation-status-unavailable"));
        assertTrue(host(notAsked, Status.GOOD, Status.UNKNOWN).findings("revocation-status-unavailable").stream()
                .noneMatch(OsRevocationComparisonTest::carriesWindowsVerdict));
    }

    @Test
    void nothingIsComparedOnAChainWindowsDoesNotTrust() {
        // The engine checks revocation only for a chain that ends in a trusted root.
        HostFixture host = host(checking(UNTRUSTED_ROOT | UNKNOWN | OFFLINE), Status.GOOD, Status.GOOD);
        assertEquals(RuleOutcome.Result.PASSED, outcome(host, "revocation-status-unavailable"));
    }

    @Test
    void osChainDisagreesIgnoresTheRevocationBits() {
        for (int bits : new int[] {REVOKED, UNKNOWN | OFFLINE}) {
            List<Finding> findings = host(checking(bits), Status.GOOD, Status.GOOD).findings("os-chain-disagrees");
            assertTrue(findings.isEmpty(), findings::toString);
        }
    }

    private static RuleOutcome.Result outcome(HostFixture host, String rule) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(rule)).findFirst().orElseThrow()
                .result();
    }
}
