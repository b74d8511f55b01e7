package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.capture.CaptureRoundTrip;
import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;

/**
 * A capture made from the live Windows source (through the fake Windows API) audits, anywhere, to the findings the
 * audit on the host itself gives: the facts only the live host knows (the key opening, the key file's ACL and the
 * service account's access, the chain engine's verdict, the user stores) travel in the capture.
 */
class LiveCaptureRoundTripTest {

    private static final String BEMS = "S-1-5-80-1111-2222-3333-4444-5555";
    private static final String MACHINE_KEYS = "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\";
    private static final String REGISTRY = "MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\";
    private static final TestChain CERTIFICATES = new TestChain();

    @TempDir
    Path folder;

    @Test
    void aCaptureOfTheLiveStoresAuditsToTheSameFindings() throws Exception {
        HostSnapshot live = new WindowsStoreSource(bemsHostWithMistakes().windows(), ServiceAccountSelection.service(
                "GoodTechnology"), Instant.now()).read();
        HostSnapshot captured = CaptureRoundTrip.through(live, folder);

        Set<String> rules = findings(live).stream().map(Finding::rule).collect(Collectors.toSet());
        assertTrue(rules.containsAll(Set.of("private-key-not-readable", "os-chain-disagrees",
                "certificate-in-user-store")), rules::toString);
        assertEquals(findings(live), findings(captured));
        CaptureRoundTrip.assertSameAudit(live, captured, AuditSettings.defaults());

        StoredCertificate service = captured.store(StoreName.MY).get(0);
        assertNotNull(service.privateKey().keyFileAccess().sddl(), "the key file's ACL travels as SDDL");
        assertEquals(live.store(StoreName.MY).get(0).osChainVerdict(), service.osChainVerdict());
        assertEquals(live.serviceAccount(), captured.serviceAccount());
        assertEquals(live.storeAccess(), captured.storeAccess());
        assertEquals(live.userStoreReads(), captured.userStoreReads());
        assertEquals(live.auditElevated(), captured.auditElevated());
    }

    /**
     * SendTrustedIssuerList 1 on Windows Server 2019 with certificates in Client Authentication Issuers: Schannel
     * sends the list, built from that store, and its names take more than 16 KB. The verdict needs all three facts,
     * so the capture's audit reaches it only if the settings, the build and the store all travel.
     */
    @Test
    void aCaptureCarriesTheSchannelSettingsTheWindowsVersionAndClientAuthenticationIssuers() throws Exception {
        FakeWindowsCertificateApi api = bemsHostWithMistakes();
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "ClientAuthIssuer"), largeIssuers());
        FakeRegistryValues registry = new FakeRegistryValues()
                .dword(LiveSchannelSettings.SCHANNEL_KEY, "ClientAuthTrustMode", 2)
                .dword(LiveSchannelSettings.SCHANNEL_KEY, "SendTrustedIssuerList", 1)
                .string(LiveSchannelSettings.VERSION_KEY, "CurrentBuildNumber", "17763")
                .string(LiveSchannelSettings.VERSION_KEY, "ProductName", "Windows Server 2019 Standard");
        HostSnapshot live = new WindowsStoreSource(api.windows(), registry, ServiceAccountSelection.service(
                "GoodTechnology"), Instant.now()).read();
        HostSnapshot captured = CaptureRoundTrip.through(live, folder);

        Finding tooLarge = findings(live).stream().filter(finding -> finding.rule().equals("root-store-too-large"))
                .findFirst().orElseThrow(() -> new AssertionError("no root-store-too-large: " + findings(live)));
        assertEquals(StoreName.CLIENT_AUTH_ISSUER, tooLarge.store(), tooLarge::toString);
        assertEquals("yes", tooLarge.evidence().get("issuerListSent"), tooLarge::toString);
        assertEquals(findings(live), findings(captured));
        CaptureRoundTrip.assertSameAudit(live, captured, AuditSettings.defaults());

        assertEquals(live.schannel(), captured.schannel());
        assertEquals(SchannelSettings.TrustMode.EXCLUSIVE_CA_TRUST, captured.schannel().trustMode());
        assertEquals(live.windowsVersion(), captured.windowsVersion());
        assertEquals(17763, captured.windowsVersion().build());
        assertEquals(17, captured.store(StoreName.CLIENT_AUTH_ISSUER).size());
        assertEquals(thumbprints(live, StoreName.CLIENT_AUTH_ISSUER), thumbprints(captured,
                StoreName.CLIENT_AUTH_ISSUER));
        assertEquals(live.storesGiven(), captured.storesGiven());
    }

    /** Seventeen CA certificates whose subject names together take more than SChannel's 16 KB. */
    private static byte[][] largeIssuers() {
        TestPki pki = new TestPki();
        byte[][] issuers = new byte[17][];
        for (int i = 0; i < issuers.length; i++) {
            issuers[i] = pki.selfSigned(pki.spec("CN=Client Issuer " + i + " " + "x".repeat(1000) + ",O=Example")
                    .ca().ec("secp256r1")).der();
        }
        return issuers;
    }

    private static List<String> thumbprints(HostSnapshot snapshot, StoreName store) {
        return snapshot.store(store).stream().map(StoredCertificate::thumbprint).toList();
    }

    private static List<Finding> findings(HostSnapshot snapshot) {
        return new RuleEngine(BuiltInRules.catalog()).run(snapshot, AuditSettings.defaults(), TestPki.NOW)
                .findings();
    }

    /**
     * The BEMS host of the source's own tests, with three mistakes only the live source sees: the key file's ACL
     * leaves the service account out, the chain engine does not trust the chain the audit finds complete, and the
     * service's own Personal store may not be read.
     */
    private static FakeWindowsCertificateApi bemsHostWithMistakes() {
        FakeWindowsCertificateApi api = new FakeWindowsCertificateApi().account("NT SERVICE\\GoodTechnology", BEMS);
        String leaf = StoredCertificate.digest("SHA-1", CERTIFICATES.leaf);
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "MY"), List.of(new StoreEntry(CERTIFICATES.leaf,
                "BEMS MTLS", new KeyProviderInfo("bems-key", "Microsoft Enhanced RSA and AES Cryptographic Provider",
                        24, WindowsConstants.CRYPT_MACHINE_KEYSET, WindowsConstants.AT_KEYEXCHANGE))));
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, "MY"), CERTIFICATES.leaf);
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "CA"), CERTIFICATES.intermediate);
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, "CA"), CERTIFICATES.intermediate);
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "ROOT"), CERTIFICATES.root);
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE_GROUP_POLICY, "ROOT"), CERTIFICATES.root);
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "DISALLOWED"));
        api.keyOpens.put(leaf, KeyOpenResult.opened(WindowsConstants.AT_KEYEXCHANGE));
        api.uniqueNames.put("bems-key", UniqueKeyName.of("c0ffee_guid"));
        api.files.add(MACHINE_KEYS + "c0ffee_guid");
        api.descriptor(MACHINE_KEYS + "c0ffee_guid", acl().build());
        for (String key : List.of("My", "CA", "Root", "Disallowed")) {
            api.descriptor(REGISTRY + key, acl().allow(Sid.USERS, WindowsConstants.KEY_READ).build());
        }
        api.chains.put(leaf, ChainVerdict.built(WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT, 0, List.of(
                new ChainElement(CERTIFICATES.leaf, 0, 0), new ChainElement(CERTIFICATES.intermediate, 0, 0),
                new ChainElement(CERTIFICATES.root, WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT, 0))));
        api.services.put("GoodTechnology", new ServiceConfigRead("GoodTechnology", "NT SERVICE\\GoodTechnology",
                "Good Technology Common Services", WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED, null));
        api.failingStore(StoreRef.logical(StoreLocation.SERVICES, "GoodTechnology\\MY"),
                FakeWindowsCertificateApi.ACCESS_DENIED);
        return api;
    }

    private static SecurityDescriptorBytes acl() {
        return new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.LOCAL_SYSTEM, WindowsConstants.FILE_ALL_ACCESS)
                .allow(Sid.ADMINISTRATORS, WindowsConstants.FILE_ALL_ACCESS);
    }
}
