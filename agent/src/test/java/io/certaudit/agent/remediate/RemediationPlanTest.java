package io.certaudit.agent.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.AuditResult;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Which certificates get a request, and every field of the INF each request is written as, read back. */
class RemediationPlanTest {

    private static final String POOL = "bemsapppool.example.com";
    private static final List<String> INSTANCES = List.of("bems01.example.com", "bems02.example.com");

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private TestPki.Spec good() {
        return pki.spec(POOL).san(POOL, "bems01.example.com", "bems02.example.com");
    }

    private static HostFixture named(HostFixture host) {
        return host.settings(s -> s.withPoolFqdn(POOL).withInstanceFqdns(INSTANCES));
    }

    private List<CertificateRequest> plan(HostFixture host) {
        return RemediationPlan.of(named(host).audit(), 2048, KeyProvider.SCHANNEL);
    }

    /** The one request of {@code host}, with every INF field checked; it replaces {@code leaf}. */
    private CertificateRequest single(HostFixture host, Issued leaf, Remedy expected) {
        List<CertificateRequest> requests = plan(host);
        assertEquals(1, requests.size(), requests::toString);
        CertificateRequest request = requests.get(0);
        assertEquals(leaf.in(StoreName.MY).thumbprint(), request.replaces());
        assertTrue(request.remedies().contains(expected), request.remedies()::toString);
        assertEveryField(request, KeyProvider.SCHANNEL, 2048, "CN=" + POOL,
                "{text}dns=bemsapppool.example.com&dns=bems01.example.com&dns=bems02.example.com");
        return request;
    }

    /** Reads the INF back and checks each field by its literal value, then that nothing a remedy needs is missing. */
    static void assertEveryField(CertificateRequest request, KeyProvider provider, int keyLength, String subject,
                                 String san) {
        InfFile inf = InfFile.parse(CertreqInf.render(request));
        assertEquals("$Windows NT$", inf.value("Version", "Signature").orElseThrow());
        assertEquals(subject, inf.value("NewRequest", "Subject").orElseThrow());
        assertEquals(String.valueOf(keyLength), inf.value("NewRequest", "KeyLength").orElseThrow());
        assertEquals("FALSE", inf.value("NewRequest", "Exportable").orElseThrow());
        assertEquals("TRUE", inf.value("NewRequest", "MachineKeySet").orElseThrow());
        assertEquals("FALSE", inf.value("NewRequest", "UseExistingKeySet").orElseThrow());
        assertEquals(provider.providerName(), inf.value("NewRequest", "ProviderName").orElseThrow());
        if (provider == KeyProvider.SCHANNEL) {
            assertEquals("Microsoft RSA SChannel Cryptographic Provider",
                    inf.value("NewRequest", "ProviderName").orElseThrow());
            assertEquals("12", inf.value("NewRequest", "ProviderType").orElseThrow());
            assertEquals("1", inf.value("NewRequest", "KeySpec").orElseThrow());
            assertTrue(inf.value("NewRequest", "KeyAlgorithm").isEmpty());
        } else {
            assertEquals("Microsoft Software Key Storage Provider",
                    inf.value("NewRequest", "ProviderName").orElseThrow());
            assertEquals("RSA", inf.value("NewRequest", "KeyAlgorithm").orElseThrow());
            assertTrue(inf.value("NewRequest", "ProviderType").isEmpty());
        }
        assertEquals("0xa0", inf.value("NewRequest", "KeyUsage").orElseThrow());
        assertEquals("PKCS10", inf.value("NewRequest", "RequestType").orElseThrow());
        assertEquals("SHA256", inf.value("NewRequest", "HashAlgorithm").orElseThrow());
        assertEquals("FALSE", inf.value("NewRequest", "AlternateSignatureAlgorithm").orElseThrow());
        assertEquals(san, inf.value("Extensions", "2.5.29.17").orElseThrow());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"),
                inf.values("EnhancedKeyUsageExtension", "OID"));
        assertEquals(List.of(), CertreqInf.missing(inf, request));
    }

    @Test
    void aWellKeptHostNeedsNoRequest() {
        Issued leaf = pki.issue(ca, good());
        assertEquals(List.of(), plan(new HostFixture().chain(root, ca, leaf)));
    }

    @Test
    void aMissingInstanceNameAsksForACertificateNamingEveryConfiguredName() {
        Issued leaf = pki.issue(ca, pki.spec(POOL).san(POOL, "bems01.example.com"));
        CertificateRequest request = single(new HostFixture().chain(root, ca, leaf), leaf, Remedy.NAMES);
        assertTrue(request.reasons().get(Remedy.NAMES).get(0).startsWith("san-missing-fqdn: "),
                request.reasons()::toString);
    }

    @Test
    void aShortKeyAsksForANewKeyOfTheConfiguredLength() {
        Issued leaf = pki.issue(ca, good().rsa(1024));
        single(new HostFixture().chain(root, ca, leaf), leaf, Remedy.KEY);
        CertificateRequest longer = RemediationPlan.of(named(new HostFixture().chain(root, ca, leaf)).audit(), 4096,
                KeyProvider.KSP).get(0);
        assertEveryField(longer, KeyProvider.KSP, 4096, "CN=" + POOL,
                "{text}dns=bemsapppool.example.com&dns=bems01.example.com&dns=bems02.example.com");
    }

    @Test
    void aMissingClientAuthenticationEkuAsksForBoth() {
        Issued leaf = pki.issue(ca, good().eku(KeyPurposeId.id_kp_serverAuth));
        single(new HostFixture().chain(root, ca, leaf), leaf, Remedy.EKU);
    }

    @Test
    void aSha1SignatureOnTheServiceCertificateAsksForSha256() {
        Issued leaf = pki.issue(ca, good().signedWith("SHA1withRSA"));
        single(new HostFixture().chain(root, ca, leaf), leaf, Remedy.SIGNATURE);
    }

    @Test
    void aWeakSignatureOnlyOnTheIssuingCaIsNotFixedByANewServiceCertificate() {
        Issued weakCa = pki.issue(root, pki.spec("Weak Issuing CA").ca().signedWith("SHA1withRSA"));
        Issued leaf = pki.issue(weakCa, good());
        AuditResult result = named(new HostFixture().chain(root, weakCa, leaf)).audit();
        assertTrue(result.findings().stream().anyMatch(f -> f.rule().equals("weak-signature-algorithm")),
                "the CA's SHA-1 signature is a finding");
        assertEquals(List.of(), RemediationPlan.of(result, 2048, KeyProvider.SCHANNEL));
    }

    @Test
    void anExpiredCertificateAsksForANewOne() {
        Issued leaf = pki.issue(ca, good().valid(TestPki.NOW.minus(Duration.ofDays(400)),
                TestPki.NOW.minus(Duration.ofDays(1))));
        single(new HostFixture().chain(root, ca, leaf), leaf, Remedy.EXPIRY);
    }

    @Test
    void aMissingPrivateKeyAsksForANewMachineKey() {
        Issued leaf = pki.issue(ca, good());
        single(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, ca).add(StoreName.MY, leaf), leaf,
                Remedy.KEY_MISSING);
    }

    @Test
    void aSelfSignedCertificateAsksForARequestToACa() {
        Issued leaf = pki.selfSigned(good());
        single(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf), leaf, Remedy.SELF_SIGNED);
    }

    @Test
    void noServiceCertificateAsksForOneForTheConfiguredNames() {
        List<CertificateRequest> requests = plan(new HostFixture().add(StoreName.ROOT, root));
        assertEquals(1, requests.size());
        assertNull(requests.get(0).replaces());
        assertEquals(Set.of(Remedy.NO_CERTIFICATE), requests.get(0).remedies());
        assertEveryField(requests.get(0), KeyProvider.SCHANNEL, 2048, "CN=" + POOL,
                "{text}dns=bemsapppool.example.com&dns=bems01.example.com&dns=bems02.example.com");
        assertEquals("certreq-new.inf", RemediationFiles.infName(requests.get(0)));
    }

    @Test
    void theGatewayAddressIsTheSubjectWithItsLetterCaseKept() {
        String gateway = "SBCexternal.Contoso.com";
        Issued leaf = pki.issue(ca, pki.spec("sbcexternal.contoso.com").san("sbcexternal.contoso.com"));
        List<CertificateRequest> requests = RemediationPlan.of(new HostFixture().chain(root, ca, leaf)
                .settings(s -> s.withGatewayAddress(gateway)).audit(), 2048, KeyProvider.SCHANNEL);
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).remedies().contains(Remedy.NAMES));
        assertEveryField(requests.get(0), KeyProvider.SCHANNEL, 2048, "CN=" + gateway, "{text}dns=" + gateway);
    }

    @Test
    void aRequestNeedsANameToRequest() {
        Issued leaf = pki.issue(ca, good().rsa(1024));
        AuditResult result = new HostFixture().chain(root, ca, leaf).audit();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemediationPlan.of(result, 2048, KeyProvider.SCHANNEL));
        assertTrue(e.getMessage().contains("--pool-fqdn"), e.getMessage());
    }

    @Test
    void aNameThatWouldBreakTheInfIsRefused() {
        AuditResult result = new HostFixture().settings(s -> s.withPoolFqdn("pool.example.com\"\r\n[NewRequest]"))
                .audit();
        assertThrows(IllegalArgumentException.class, () -> RemediationPlan.of(result, 2048, KeyProvider.SCHANNEL));
    }

    @Test
    void aKeyShorterThan2048BitsIsNotRequested() {
        AuditResult result = named(new HostFixture()).audit();
        assertThrows(IllegalArgumentException.class, () -> RemediationPlan.of(result, 1024, KeyProvider.SCHANNEL));
    }
}
