package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.HostEnvironment.AgentIdentity;
import io.certaudit.agent.windows.NativeError;
import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.PropertyProblem;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.UserStoreRead;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

class WindowsStoreSourceTest {

    private static final String BEMS = "S-1-5-80-1111-2222-3333-4444-5555";
    private static final int MACHINE = WindowsConstants.CRYPT_MACHINE_KEYSET;
    private static final String MACHINE_KEYS = "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\";
    private static final String CNG_KEYS = "C:\\ProgramData\\Microsoft\\Crypto\\Keys\\";
    private static final String REGISTRY = "MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\";
    private static final KeyProviderInfo CAPI_KEY = new KeyProviderInfo("bems-key",
            "Microsoft Enhanced RSA and AES Cryptographic Provider", 24, MACHINE, WindowsConstants.AT_KEYEXCHANGE);

    private static final StoreRef LM_MY = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "MY");
    private static final StoreRef LM_CA = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "CA");
    private static final StoreRef LM_ROOT = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "ROOT");
    private static final StoreRef LM_DISALLOWED = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "DISALLOWED");

    private static final TestChain certificates = new TestChain();
    private final FakeWindowsCertificateApi api = new FakeWindowsCertificateApi()
            .account("NT SERVICE\\GoodTechnology", BEMS);
    private String leaf;

    @BeforeEach
    void aBemsHost() {
        leaf = StoredCertificate.digest("SHA-1", certificates.leaf);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, "BEMS MTLS", CAPI_KEY)));
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, "MY"), certificates.leaf);
        api.store(LM_CA, certificates.intermediate);
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, "CA"), certificates.intermediate);
        api.store(LM_ROOT, certificates.root);
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE_GROUP_POLICY, "ROOT"), certificates.root);
        api.store(LM_DISALLOWED);

        api.keyOpens.put(leaf, KeyOpenResult.opened(WindowsConstants.AT_KEYEXCHANGE));
        api.uniqueNames.put("bems-key", UniqueKeyName.of("c0ffee_guid"));
        api.files.add(MACHINE_KEYS + "c0ffee_guid");
        api.descriptor(MACHINE_KEYS + "c0ffee_guid", acl().allow(BEMS, WindowsConstants.GENERIC_READ).build());
        for (String key : List.of("My", "CA", "Root", "Disallowed")) {
            api.descriptor(REGISTRY + key, acl().allow(Sid.USERS, WindowsConstants.KEY_READ).build());
        }
        api.chains.put(leaf, ChainVerdict.built(0, WindowsConstants.CERT_TRUST_HAS_PREFERRED_ISSUER, List.of(
                new ChainElement(certificates.leaf, 0, 0), new ChainElement(certificates.intermediate, 0, 0),
                new ChainElement(certificates.root, 0, 0))));
        api.services.put("GoodTechnology", new ServiceConfigRead("GoodTechnology", "NT SERVICE\\GoodTechnology",
                "Good Technology Common Services", WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED, null));
    }

    private static SecurityDescriptorBytes acl() {
        return new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.LOCAL_SYSTEM, WindowsConstants.FILE_ALL_ACCESS)
                .allow(Sid.ADMINISTRATORS, WindowsConstants.FILE_ALL_ACCESS);
    }

    private HostSnapshot read(ServiceAccountSelection selection) throws SourceException {
        return new WindowsStoreSource(api.windows(), selection, Instant.now()).read();
    }

    private HostSnapshot readForService() throws SourceException {
        return read(ServiceAccountSelection.service("GoodTechnology"));
    }

    private StoredCertificate personal(HostSnapshot snapshot) {
        return snapshot.store(StoreName.MY).get(0);
    }

    @Test
    void readsTheThreeStoresAndTellsThePhysicalStoreOfEachCertificate() throws SourceException {
        HostSnapshot snapshot = readForService();

        assertEquals("BEMS01", snapshot.hostName());
        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertEquals(".Default", personal(snapshot).physicalStore());
        assertEquals("BEMS MTLS", personal(snapshot).friendlyName());
        assertEquals("LocalMachine\\MY\\" + leaf, personal(snapshot).origin());
        assertEquals(".Default", snapshot.store(StoreName.CA).get(0).physicalStore());
        assertEquals(".GroupPolicy", snapshot.store(StoreName.ROOT).get(0).physicalStore(),
                "a root pushed by Group Policy is told apart from one added by hand");
        assertEquals(List.of(), snapshot.problems());
    }

    @Test
    void aCertificateInTwoPhysicalStoresIsAttributedOnceToEach() throws SourceException {
        api.store(LM_ROOT, certificates.root, certificates.root);
        api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, "ROOT"), certificates.root);
        List<StoredCertificate> roots = readForService().store(StoreName.ROOT);
        assertEquals(".Default", roots.get(0).physicalStore());
        assertEquals(".GroupPolicy", roots.get(1).physicalStore());
    }

    @Test
    void aPersonalCertificateWhoseKeyOpensHasItsKeyFactsAndFileAccess() throws SourceException {
        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(Tristate.YES, key.present());
        assertEquals(KeyKind.CAPI, key.kind());
        assertEquals("Microsoft Enhanced RSA and AES Cryptographic Provider", key.provider());
        assertEquals("bems-key", key.container());
        assertEquals(Tristate.YES, key.machineKeyset());
        assertEquals(MACHINE_KEYS + "c0ffee_guid", key.keyFile());
        assertEquals(Tristate.YES, key.keyFileAccess().canRead());
        assertEquals(BEMS, key.keyFileAccess().accountSid());
        assertTrue(key.evidence().startsWith("the private key opened and matches the certificate (CAPI key,"
                + " AT_KEYEXCHANGE)"), key.evidence());
        assertEquals(List.of("LocalMachine\\MY\\" + leaf), api.keyOpenRequests, "only Personal keys are opened");
    }

    @Test
    void aServiceAccountWithoutReadOnTheKeyFileIsNo() throws SourceException {
        api.descriptor(MACHINE_KEYS + "c0ffee_guid", acl().build());
        AccessFacts access = personal(readForService()).privateKey().keyFileAccess();
        assertEquals(Tristate.NO, access.canRead());
        assertTrue(access.entries().contains("effective for NT SERVICE\\GoodTechnology: no rights (0x00000000)"));
    }

    @Test
    void aCngKeyIsFoundInCryptoKeys() throws SourceException {
        KeyProviderInfo cng = new KeyProviderInfo("{5E1C-BEMS}", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0,
                MACHINE, 0);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, cng)));
        api.keyOpens.put(leaf, KeyOpenResult.opened(WindowsConstants.CERT_NCRYPT_KEY_SPEC));
        api.uniqueNames.put("{5E1C-BEMS}", UniqueKeyName.of("7a9e_guid"));
        api.files.add(CNG_KEYS + "7a9e_guid");
        api.descriptor(CNG_KEYS + "7a9e_guid", acl().allow(Sid.SERVICE, WindowsConstants.GENERIC_READ).build());

        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(KeyKind.CNG, key.kind());
        assertEquals(CNG_KEYS + "7a9e_guid", key.keyFile());
        assertEquals(Tristate.YES, key.keyFileAccess().canRead());
    }

    @Test
    void aTpmKeyHasNoFileAndItsAccessIsUnknownWithTheReason() throws SourceException {
        KeyProviderInfo tpm = new KeyProviderInfo("tpm-key", WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER, 0,
                MACHINE, 0);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, tpm)));
        api.keyOpens.put(leaf, KeyOpenResult.opened(WindowsConstants.CERT_NCRYPT_KEY_SPEC));

        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(Tristate.YES, key.present());
        assertNull(key.keyFile());
        assertEquals(Tristate.UNKNOWN, key.keyFileAccess().canRead());
        assertTrue(key.keyFileAccess().unknownReason().contains("TPM"));
    }

    @Test
    void aMissingKeysetIsMissingWhenElevatedAndUnknownOtherwise() throws SourceException {
        api.keyOpens.put(leaf, KeyOpenResult.failed(FakeWindowsCertificateApi.BAD_KEYSET));
        PrivateKeyFacts elevated = personal(readForService()).privateKey();
        assertEquals(Tristate.NO, elevated.present());

        api.agent = new AgentIdentity("BEMS01\\operator", "S-1-5-21-1-2-3-1104", false);
        HostSnapshot snapshot = readForService();
        PrivateKeyFacts notElevated = personal(snapshot).privateKey();
        assertEquals(Tristate.UNKNOWN, notElevated.present());
        assertTrue(notElevated.evidence().contains("run the audit as administrator"));
        assertEquals("no", snapshot.hostFacts().get(WindowsStoreSource.FACT_AGENT_ELEVATED));
    }

    @Test
    void aKeyFileGrantingReadDataAloneIsNotReadableByTheService() throws SourceException {
        api.descriptor(MACHINE_KEYS + "c0ffee_guid", acl().allow(BEMS, WindowsConstants.FILE_READ_DATA).build());
        AccessFacts access = personal(readForService()).privateKey().keyFileAccess();
        assertEquals(Tristate.NO, access.canRead(), "a CSP opens its key file with GENERIC_READ");
    }

    @Test
    void aKeyThatIsNotTheCertificatesOwnIsAMismatchNotAMissingKey() throws SourceException {
        api.keyOpens.put(leaf, KeyOpenResult.failed(new NativeError(WindowsConstants.NTE_BAD_PUBLIC_KEY,
                "Bad Public Key.")));
        PrivateKeyFacts key = personal(readForService()).privateKey();
        assertEquals(KeyDefect.KEY_MISMATCH, key.defect());
        assertEquals(Tristate.NO, key.present());
    }

    @Test
    void aMissingKeysetInAPerUserKeySetIsNeverMissingAndIsItsOwnFinding() throws SourceException {
        KeyProviderInfo userKey = new KeyProviderInfo("le-imported", CAPI_KEY.provider(), 24, 0,
                WindowsConstants.AT_KEYEXCHANGE);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, userKey)));
        api.keyOpens.put(leaf, KeyOpenResult.failed(FakeWindowsCertificateApi.BAD_KEYSET));

        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(Tristate.UNKNOWN, key.present(), "elevated, but the audit looked in its own profile only");
        assertEquals(KeyDefect.USER_KEY_SET, key.defect());
        assertEquals(Tristate.NO, key.machineKeyset());
        assertNull(key.keyFile());
    }

    @Test
    void aPerUserKeyThatOpensForTheAuditIsStillNotTheServicesKey() throws SourceException {
        KeyProviderInfo userKey = new KeyProviderInfo("le-imported", CAPI_KEY.provider(), 24, 0,
                WindowsConstants.AT_KEYEXCHANGE);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, userKey)));

        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(Tristate.YES, key.present());
        assertEquals(KeyDefect.USER_KEY_SET, key.defect());
        assertTrue(key.evidence().contains("BEMS01\\auditor"), key.evidence());
    }

    @Test
    void localSystemsOwnKeyIsFineForALocalSystemServiceAuditedAsSystem() throws SourceException {
        KeyProviderInfo systemKey = new KeyProviderInfo("{SYS-KEY}", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, 0,
                0);
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, systemKey)));
        api.keyOpens.put(leaf, KeyOpenResult.opened(WindowsConstants.CERT_NCRYPT_KEY_SPEC));
        api.agent = new AgentIdentity("NT AUTHORITY\\SYSTEM", Sid.LOCAL_SYSTEM, true);
        api.services.put("GoodTechnology", new ServiceConfigRead("GoodTechnology", "LocalSystem", "Good",
                WindowsConstants.SERVICE_SID_TYPE_NONE, null));
        api.uniqueNames.put("{SYS-KEY}", UniqueKeyName.of("5y5_guid"));
        String file = "C:\\ProgramData\\Microsoft\\Crypto\\SystemKeys\\5y5_guid";
        api.files.add(file);
        api.descriptor(file, acl().build());

        PrivateKeyFacts key = personal(readForService()).privateKey();

        assertEquals(KeyDefect.NONE, key.defect());
        assertEquals(file, key.keyFile());
        assertEquals(Tristate.YES, key.keyFileAccess().canRead());
    }

    @Test
    void aMalformedPropertyIsAProblemOnThatEntryAndTheKeyIsUnknownNotAbsent() throws SourceException {
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, null, List.of(new PropertyProblem(
                WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID, "the key provider information could not be read: 10"
                + " bytes, fewer than a CRYPT_KEY_PROV_INFO (48)")))));

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.store(StoreName.MY).size(), "the certificate is audited all the same");
        assertEquals(Tristate.UNKNOWN, personal(snapshot).privateKey().present());
        assertEquals(1, snapshot.problems().size());
        assertTrue(snapshot.problems().get(0).message().contains("audited without it"));
    }

    @Test
    void aStoreCutShortIsReadPartiallyNeverSilentlyShort() throws SourceException {
        api.stores.put(LM_CA, StoreRead.partial(LM_CA, List.of(new StoreEntry(certificates.intermediate, null,
                null)), new NativeError(0x8009200F, "The store has pending close")));

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.store(StoreName.CA).size());
        SourceProblem problem = snapshot.problems().get(0);
        assertEquals(SourceProblem.Kind.STORE_READ_PARTIALLY, problem.kind());
        assertEquals(StoreName.CA, problem.store());
        assertTrue(problem.message().contains("after 1 certificate(s)"), problem.message());
        assertTrue(problem.message().contains("0x8009200F"), problem.message());
    }

    @Test
    void aStoreAnsweringCryptENotFoundIsAbsentNotUnreadable() throws SourceException {
        api.failingStore(LM_CA, new NativeError(WindowsConstants.CRYPT_E_NOT_FOUND, "Cannot find object or property."));
        api.failingStore(StoreRef.logical(StoreLocation.SERVICES, "GoodTechnology\\MY"),
                new NativeError(WindowsConstants.CRYPT_E_NOT_FOUND, "Cannot find object or property."));
        HostSnapshot snapshot = readForService();
        assertTrue(snapshot.problems().get(0).message().contains("does not exist"), snapshot.problems().toString());
        assertEquals(SourceProblem.Kind.STORE_ABSENT, snapshot.problems().get(0).kind());
        assertEquals(UserStoreRead.Outcome.ABSENT, userStore(snapshot, "Services\\GoodTechnology\\MY").outcome());
    }

    @Test
    void theElevationIsATypedFactAndAdviceFollowsIt() throws SourceException {
        api.failingStore(LM_ROOT, FakeWindowsCertificateApi.ACCESS_DENIED);
        HostSnapshot elevated = readForService();
        assertEquals(Tristate.YES, elevated.auditElevated());
        assertTrue(elevated.problems().get(0).message().contains("even administrators"));
        assertEquals(SourceProblem.Kind.STORE_UNREADABLE, elevated.problems().get(0).kind());
        assertFalse(elevated.problems().get(0).message().contains("run the audit as administrator"));

        api.agent = new AgentIdentity("BEMS01\\operator", "S-1-5-21-1-2-3-1104", false);
        HostSnapshot notElevated = readForService();
        assertEquals(Tristate.NO, notElevated.auditElevated());
        assertTrue(notElevated.problems().get(0).message().contains("run the audit as administrator"));
    }

    @Test
    void theServiceAccountsGroupsSayWhatOnlyTheRunningTokenShows() throws SourceException {
        String groups = readForService().hostFacts().get(WindowsStoreSource.FACT_SERVICE_ACCOUNT_GROUPS);
        assertTrue(groups.startsWith(String.join(", ", Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.USERS,
                Sid.SERVICE, Sid.LOCAL, Sid.ALL_SERVICES) + "; "), groups);
        assertTrue(groups.contains("not known without the running service's token"), groups);
    }

    @Test
    void aCertificateWithoutAKeyHasNone() throws SourceException {
        api.store(LM_MY, List.of(new StoreEntry(certificates.leaf, null, null)));
        api.keyOpens.remove(leaf);
        PrivateKeyFacts key = personal(readForService()).privateKey();
        assertEquals(Tristate.NO, key.present());
        assertEquals(KeyKind.UNKNOWN, key.kind());
    }

    @Test
    void storeAccessIsCheckedOnEachStoresRegistryKey() throws SourceException {
        api.descriptor(REGISTRY + "CA", acl().build());
        HostSnapshot snapshot = readForService();

        AccessFacts my = snapshot.storeAccess().get(StoreName.MY);
        assertEquals(REGISTRY + "My", my.object());
        assertEquals(Tristate.YES, my.canRead(), "through BUILTIN\\Users, a group of every service token");
        assertEquals(Tristate.NO, snapshot.storeAccess().get(StoreName.CA).canRead());
        assertEquals(Tristate.YES, snapshot.storeAccess().get(StoreName.ROOT).canRead());
    }

    @Test
    void withoutAServiceAccountEveryAccessCheckSaysNoneWasConfigured() throws SourceException {
        HostSnapshot snapshot = read(ServiceAccountSelection.none());

        assertNull(snapshot.serviceAccount());
        for (AccessFacts access : snapshot.storeAccess().values()) {
            assertEquals(Tristate.UNKNOWN, access.canRead());
            assertEquals(AccessEvaluator.NO_ACCOUNT, access.unknownReason());
            assertTrue(access.sddl() != null && !access.entries().isEmpty(), "the ACL is evidence all the same");
        }
        AccessFacts keyFile = personal(snapshot).privateKey().keyFileAccess();
        assertEquals(AccessEvaluator.NO_ACCOUNT, keyFile.unknownReason());
        assertNull(api.lastCheckedSid);
    }

    @Test
    void theServiceAccountIsInTheSnapshotWithHowItWasFound() throws SourceException {
        HostSnapshot snapshot = readForService();
        assertEquals("NT SERVICE\\GoodTechnology", snapshot.serviceAccount().name());
        assertEquals(BEMS, snapshot.serviceAccount().sid());
        assertEquals("logon account of service \"GoodTechnology\"", snapshot.serviceAccount().foundBy());
    }

    @Test
    void anUnresolvableServiceIsRecordedAndAccessIsUnknown() throws SourceException {
        HostSnapshot snapshot = read(ServiceAccountSelection.service("NoSuchService"));
        assertTrue(snapshot.hostFacts().get(WindowsStoreSource.FACT_SERVICE_ACCOUNT_PROBLEM)
                .contains("no service named"));
        assertEquals(Tristate.UNKNOWN, snapshot.storeAccess().get(StoreName.MY).canRead());
        assertTrue(snapshot.storeAccess().get(StoreName.MY).unknownReason().contains("no service named"));
    }

    @Test
    void theChainEnginesVerdictIsAttachedToPersonalCertificates() throws SourceException {
        HostSnapshot snapshot = readForService();
        StoredCertificate certificate = personal(snapshot);
        OsChainVerdict verdict = certificate.osChainVerdict();
        assertEquals(0, verdict.errorStatus());
        assertTrue(verdict.trusted());
        assertEquals(leaf, verdict.path().get(0));
        assertNull(snapshot.store(StoreName.ROOT).get(0).osChainVerdict());
    }

    @Test
    void theChainEngineChecksRevocationOnlyWhenTheSourceIsAskedTo() throws SourceException {
        HostSnapshot without = readForService();
        assertEquals(List.of(leaf + " without revocation"), api.chainRequests());
        assertFalse(personal(without).osChainVerdict().revocationChecked());

        HostSnapshot checking = new WindowsStoreSource(api.windows(), null,
                ServiceAccountSelection.service("GoodTechnology"), Instant.now(), true).read();
        assertEquals(List.of(leaf + " without revocation", leaf + " checking revocation"), api.chainRequests());
        assertTrue(personal(checking).osChainVerdict().revocationChecked());
    }

    @Test
    void anAbsentOrForbiddenStoreIsAProblemAndTheOthersAreStillRead() throws SourceException {
        api.failingStore(LM_CA, FakeWindowsCertificateApi.FILE_NOT_FOUND);
        api.failingStore(LM_ROOT, FakeWindowsCertificateApi.ACCESS_DENIED);

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertEquals(2, snapshot.problems().size());
        assertEquals(StoreName.CA, snapshot.problems().get(0).store());
        assertTrue(snapshot.problems().get(0).message().contains("does not exist"));
        assertTrue(snapshot.problems().get(1).message().contains("may not open the store"));
    }

    @Test
    void readsUntrustedCertificatesButNeedsOnlyTheMtlsStores() throws SourceException {
        api.store(LM_DISALLOWED, certificates.intermediate);
        HostSnapshot snapshot = readForService();
        assertEquals(1, snapshot.store(StoreName.DISALLOWED).size());
        assertEquals(StoredCertificate.digest("SHA-1", certificates.intermediate),
                snapshot.store(StoreName.DISALLOWED).get(0).thumbprint());
    }

    @Test
    void nothingReadableAtAllStopsTheAudit() {
        api.failingStore(LM_MY, FakeWindowsCertificateApi.ACCESS_DENIED);
        api.failingStore(LM_CA, FakeWindowsCertificateApi.ACCESS_DENIED);
        api.failingStore(LM_ROOT, FakeWindowsCertificateApi.ACCESS_DENIED);
        SourceException e = assertThrows(SourceException.class, this::readForService);
        assertTrue(e.getMessage().startsWith("none of the LocalMachine certificate stores could be opened"));
    }

    @Test
    void anUndecodableEntryIsAProblemNotAnError() throws SourceException {
        api.store(LM_CA, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, certificates.intermediate);
        HostSnapshot snapshot = readForService();
        assertEquals(1, snapshot.store(StoreName.CA).size());
        assertEquals(1, snapshot.problems().size());
        assertTrue(snapshot.problems().get(0).origin().startsWith("LocalMachine\\CA\\"));
    }

    @Test
    void aPhysicalStoreThatExistsButCannotBeReadIsAProblem() throws SourceException {
        api.failingStore(StoreRef.registry(StoreLocation.LOCAL_MACHINE_ENTERPRISE, "ROOT"),
                FakeWindowsCertificateApi.ACCESS_DENIED);
        HostSnapshot snapshot = readForService();
        assertEquals("LocalMachine\\ROOT\\.Enterprise", snapshot.problems().get(0).origin());
    }

    @Test
    void userPersonalStoresAreReadToFindMisplacedCertificates() throws SourceException {
        StoreRef currentUser = StoreRef.logical(StoreLocation.CURRENT_USER, "MY");
        api.store(currentUser, List.of(new StoreEntry(certificates.leaf, "imported by hand",
                new KeyProviderInfo("user-key", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, 0, 0))));
        api.failingStore(StoreRef.logical(StoreLocation.SERVICES, "GoodTechnology\\MY"),
                FakeWindowsCertificateApi.ACCESS_DENIED);

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.userStoreCertificates().size());
        StoredCertificate misplaced = snapshot.userStoreCertificates().get(0);
        assertEquals("CurrentUser\\MY", misplaced.userStore());
        assertEquals(Tristate.NO, misplaced.privateKey().machineKeyset());
        assertEquals(KeyKind.CNG, misplaced.privateKey().kind());
        assertEquals("read, 1 certificate(s)", userStore(snapshot, "CurrentUser\\MY").describe());
        assertEquals(UserStoreRead.Outcome.ABSENT, userStore(snapshot, "Users\\" + BEMS + "\\MY").outcome());
        UserStoreRead denied = userStore(snapshot, "Services\\GoodTechnology\\MY");
        assertEquals(UserStoreRead.Outcome.NOT_READABLE, denied.outcome());
        assertTrue(denied.unreadable());
        assertEquals(List.of("LocalMachine\\MY\\" + leaf), api.keyOpenRequests, "user-store keys are not opened");
    }

    /** CERT_ENHKEY_USAGE as Windows encodes it for the property: a DER SEQUENCE OF OBJECT IDENTIFIER. */
    private static byte[] usageProperty(KeyPurposeId... purposes) throws IOException {
        return new DERSequence(purposes).getEncoded(ASN1Encoding.DER);
    }

    private List<Finding> auditFindings(String rule) throws SourceException {
        AuditResult result = new RuleEngine(BuiltInRules.catalog()).run(readForService(), AuditSettings.defaults(),
                Instant.now());
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private StoredCertificate root(HostSnapshot snapshot) {
        return snapshot.store(StoreName.ROOT).get(0);
    }

    @Test
    void aRootRestrictedToSecureEmailInTheLiveStoreMakesTheChainNotValidForUsage() throws Exception {
        api.storeWithUsageProperty(LM_ROOT, certificates.root, usageProperty(KeyPurposeId.id_kp_emailProtection));
        String rootThumbprint = StoredCertificate.digest("SHA-1", certificates.root);

        assertEquals(Set.of(KeyPurposeId.id_kp_emailProtection.getId()),
                root(readForService()).storeEnhancedKeyUsage());
        List<Finding> findings = auditFindings("chain-not-valid-for-usage");
        assertEquals(2, findings.size(), findings::toString);
        for (String usage : List.of("Server Authentication", "Client Authentication")) {
            Finding finding = findings.stream().filter(f -> f.message().contains(usage)).findFirst().orElseThrow();
            assertEquals(leaf, finding.thumbprint());
            assertEquals(rootThumbprint, finding.evidence().get("element"));
            assertTrue(finding.message().contains("CERT_ENHKEY_USAGE_PROP_ID"), finding.message());
        }
    }

    @Test
    void anAbsentUsagePropertyLeavesTheChainUnrestricted() throws Exception {
        HostSnapshot snapshot = readForService();

        assertNull(root(snapshot).storeEnhancedKeyUsage(), "CRYPT_E_NOT_FOUND: the store does not restrict it");
        assertEquals(List.of(), auditFindings("chain-not-valid-for-usage"));
    }

    @Test
    void aUsagePropertyAllowingServerAndClientAuthenticationPasses() throws Exception {
        api.storeWithUsageProperty(LM_ROOT, certificates.root,
                usageProperty(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));

        assertEquals(List.of(), auditFindings("chain-not-valid-for-usage"));
    }

    @Test
    void aUsagePropertyWithNoPurposesMakesTheCertificateValidForNothing() throws Exception {
        api.storeWithUsageProperty(LM_ROOT, certificates.root, usageProperty());

        assertEquals(Set.of(), root(readForService()).storeEnhancedKeyUsage());
        List<Finding> findings = auditFindings("chain-not-valid-for-usage");
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("allows only nothing"), findings.get(0).message());
    }

    @Test
    void aMalformedUsagePropertyIsAProblemOnThatEntryNotAnError() throws Exception {
        api.storeWithUsageProperty(LM_ROOT, certificates.root, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.store(StoreName.ROOT).size(), "the certificate is audited all the same");
        assertNull(root(snapshot).storeEnhancedKeyUsage());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
        SourceProblem problem = snapshot.problems().get(0);
        assertEquals(StoreName.ROOT, problem.store());
        assertEquals("LocalMachine\\ROOT\\" + StoredCertificate.digest("SHA-1", certificates.root), problem.origin());
        assertTrue(problem.message().contains("CERT_ENHKEY_USAGE_PROP_ID, 5 bytes"), problem.message());
        assertTrue(problem.message().contains("not a DER sequence of object identifiers"), problem.message());
    }

    @Test
    void aUserStoreCertificateCarriesItsUsagePropertyToo() throws Exception {
        StoreRef currentUser = StoreRef.logical(StoreLocation.CURRENT_USER, "MY");
        api.storeWithUsageProperty(currentUser, certificates.leaf, usageProperty(KeyPurposeId.id_kp_serverAuth));

        HostSnapshot snapshot = readForService();

        assertEquals(Set.of(KeyPurposeId.id_kp_serverAuth.getId()),
                snapshot.userStoreCertificates().get(0).storeEnhancedKeyUsage());
    }

    @Test
    void aMalformedUsagePropertyInAUserStoreIsAHostFactAndTheCertificateIsStillFound() throws Exception {
        StoreRef currentUser = StoreRef.logical(StoreLocation.CURRENT_USER, "MY");
        api.storeWithUsageProperty(currentUser, certificates.leaf, new byte[] {0x06, 0x00});

        HostSnapshot snapshot = readForService();

        assertEquals(1, snapshot.userStoreCertificates().size());
        assertNull(snapshot.userStoreCertificates().get(0).storeEnhancedKeyUsage());
        String fact = userStore(snapshot, "CurrentUser\\MY").entryProblems().get(leaf);
        assertTrue(fact != null && fact.contains("CERT_ENHKEY_USAGE_PROP_ID"), String.valueOf(fact));
    }

    @Test
    void theAgentIdentityIsRecorded() throws SourceException {
        HostSnapshot snapshot = readForService();
        assertEquals("BEMS01\\auditor", snapshot.hostFacts().get(WindowsStoreSource.FACT_AGENT_ACCOUNT));
        assertEquals("yes", snapshot.hostFacts().get(WindowsStoreSource.FACT_AGENT_ELEVATED));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void elsewhereThanWindowsTheLiveSourceSaysHowToAuditAnExportedCopy() {
        SourceException e = assertThrows(SourceException.class,
                () -> LiveStores.unavailable(System.getProperty("os.name")).open(ServiceAccountSelection.none(), null)
                        .read());
        assertTrue(e.getMessage().contains("this is not Windows"), e.getMessage());
        assertTrue(e.getMessage().contains("certaudit audit --source"), e.getMessage());
    }

    private static UserStoreRead userStore(HostSnapshot snapshot, String store) {
        return snapshot.userStoreReads().stream().filter(read -> read.store().equals(store)).findFirst()
                .orElseThrow(() -> new AssertionError("no read of " + store + " in " + snapshot.userStoreReads()));
    }

    private HostSnapshot readWithRegistry(FakeRegistryValues registry) throws SourceException {
        return new WindowsStoreSource(api.windows(), registry, ServiceAccountSelection.service("GoodTechnology"),
                Instant.now()).read();
    }

    @Test
    void readsTheSchannelSettingsTheWindowsVersionAndClientAuthenticationIssuers() throws SourceException {
        StoreRef clientAuthIssuer = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "ClientAuthIssuer");
        api.store(clientAuthIssuer, certificates.root);
        FakeRegistryValues registry = new FakeRegistryValues()
                .dword(LiveSchannelSettings.SCHANNEL_KEY, "ClientAuthTrustMode", 1)
                .string(LiveSchannelSettings.VERSION_KEY, "CurrentBuildNumber", "17763");

        HostSnapshot snapshot = readWithRegistry(registry);

        assertEquals(io.certaudit.model.RegistryDword.of(1), snapshot.schannel().clientAuthTrustMode());
        assertEquals(io.certaudit.model.RegistryDword.absent(), snapshot.schannel().sendTrustedIssuerList());
        assertEquals(17763, snapshot.windowsVersion().build());
        assertTrue(snapshot.storesGiven().contains(StoreName.CLIENT_AUTH_ISSUER));
        assertEquals(List.of(StoredCertificate.digest("SHA-1", certificates.root)),
                snapshot.store(StoreName.CLIENT_AUTH_ISSUER).stream().map(StoredCertificate::thumbprint).toList());
        assertNull(snapshot.storeAccess().get(StoreName.CLIENT_AUTH_ISSUER));
    }

    @Test
    void aClientAuthenticationIssuersStoreThatDoesNotExistIsEmptyNotAProblem() throws SourceException {
        HostSnapshot snapshot = readWithRegistry(new FakeRegistryValues().key(LiveSchannelSettings.SCHANNEL_KEY));

        assertTrue(snapshot.storesGiven().contains(StoreName.CLIENT_AUTH_ISSUER));
        assertTrue(snapshot.store(StoreName.CLIENT_AUTH_ISSUER).isEmpty());
        assertTrue(snapshot.problems().stream().noneMatch(p -> p.store() == StoreName.CLIENT_AUTH_ISSUER),
                snapshot.problems()::toString);
    }

    @Test
    void withoutARegistryReaderTheSettingsAndClientAuthenticationIssuersStayUnknown() throws SourceException {
        HostSnapshot snapshot = readForService();

        assertNull(snapshot.schannel());
        assertNull(snapshot.windowsVersion());
        assertFalse(snapshot.storesGiven().contains(StoreName.CLIENT_AUTH_ISSUER));
        assertTrue(snapshot.storesGiven().containsAll(StoreName.MTLS_STORES));
    }
}
