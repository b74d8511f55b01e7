package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.RecordedBindings.fail;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.util.encoders.Hex;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.AccessChecks.AccessCheckResult;
import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.AccessChecks.SecurityDescriptorRead;
import io.certaudit.agent.windows.AccountsAndServices.AccountLookup;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.HostEnvironment.AgentIdentity;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.JnaStoresAndKeys;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessReply;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessRequest;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainElement;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainPara;
import io.certaudit.agent.windows.jna.WindowsStructures.CertContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertSimpleChain;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptKeyProvInfo;
import io.certaudit.agent.windows.jna.WindowsStructures.QueryServiceConfig;
import io.certaudit.agent.windows.jna.WindowsStructures.SidAndAttributes;
import io.certaudit.model.StoredCertificate;

/**
 * The JNA implementation over recorded bindings: the arguments it passes (flags, providers, engines), how it reads
 * what Windows returns (contexts, properties, chains, descriptors, service configurations), and that every
 * store, context, chain, key, provider, SCM handle, Authz context and LocalAlloc'd buffer is freed, on success
 * and failure alike. The same code runs against the real DLLs in {@code WindowsLiveStoreTest}.
 */
class JnaWindowsCertificateApiTest {

    private static final TestChain CERTIFICATES = new TestChain();
    private static final StoreRef LM_MY = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "MY");

    private final RecordedBindings bindings = new RecordedBindings();
    private final List<Pointer> contexts = new ArrayList<>();

    @BeforeAll
    static void sixtyFourBitJvm() {
        assumeTrue(Native.POINTER_SIZE == 8, "the memory handed back is laid out for 64-bit Windows");
    }

    @AfterEach
    void nothingIsLeftOpen() {
        assertEquals(List.of(), bindings.stillOpen(), "calls: " + bindings.calls);
    }

    private Pointer context(byte[] der) {
        CertContext context = new CertContext();
        context.dwCertEncodingType = WindowsConstants.X509_ASN_ENCODING;
        context.pbCertEncoded = bindings.bytes(der);
        context.cbCertEncoded = der.length;
        Pointer pointer = bindings.written(context).getPointer();
        contexts.add(pointer);
        return pointer;
    }

    private void storeOpens(int expectedFlags, String expectedName) {
        bindings.on("CertOpenStore", args -> {
            assertEquals(WindowsConstants.CERT_STORE_PROV_SYSTEM_W, Pointer.nativeValue((Pointer) args[0]));
            assertEquals(expectedFlags, args[3]);
            assertEquals(expectedName, args[4].toString());
            return bindings.openHandle("store");
        });
        bindings.on("CertCloseStore", args -> {
            bindings.close(args[0], "store");
            return true;
        });
        bindings.on("CertFreeCertificateContext", args -> {
            bindings.close(args[0], "context");
            return true;
        });
    }

    private void storeWithCertificate(byte[] der) {
        storeOpens(WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG
                | WindowsConstants.CERT_STORE_READONLY_FLAG, "MY");
        bindings.on("CertFindCertificateInStore", args -> {
            assertEquals(WindowsConstants.CERT_FIND_SHA1_HASH, args[3]);
            CryptDataBlob hash = (CryptDataBlob) args[4];
            assertEquals(StoredCertificate.digest("SHA-1", der),
                    Hex.toHexString(hash.pbData.getByteArray(0, hash.cbData)).toUpperCase(Locale.ROOT));
            return bindings.track("context", context(der));
        });
    }

    @Test
    void readsEveryCertificateWithItsPropertiesAndFreesWhatItOpened() {
        storeOpens(WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG
                | WindowsConstants.CERT_STORE_READONLY_FLAG, "MY");
        Pointer first = context(CERTIFICATES.leaf);
        Pointer second = context(CERTIFICATES.intermediate);
        bindings.on("CertEnumCertificatesInStore", args -> {
            Pointer previous = (Pointer) args[1];
            if (previous != null) {
                bindings.close(previous, "context");
            }
            Pointer next = previous == null ? first : previous.equals(first) ? second : null;
            return next == null ? fail(WindowsConstants.CRYPT_E_NOT_FOUND, null) : bindings.track("context", next);
        });
        Memory friendly = bindings.wide("BEMS MTLS");
        bindings.on("CertGetCertificateContextProperty", args -> {
            if (args[0].equals(first) && (int) args[1] == WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID) {
                ((IntByReference) args[3]).setValue(keyProvInfo((Pointer) args[2], "bems-key",
                        "Microsoft Enhanced RSA and AES Cryptographic Provider", 24));
                return true;
            }
            if (!args[0].equals(first) || (int) args[1] != WindowsConstants.CERT_FRIENDLY_NAME_PROP_ID) {
                return fail(WindowsConstants.CRYPT_E_NOT_FOUND, false);
            }
            copyOut(friendly, (Pointer) args[2], (IntByReference) args[3]);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.error());
        assertEquals(2, read.entries().size());
        assertArrayEquals(CERTIFICATES.leaf, read.entries().get(0).encoded());
        assertEquals("BEMS MTLS", read.entries().get(0).friendlyName());
        KeyProviderInfo key = read.entries().get(0).keyProvider();
        assertEquals("bems-key", key.container());
        assertEquals("Microsoft Enhanced RSA and AES Cryptographic Provider", key.provider());
        assertEquals(24, key.providerType());
        assertTrue(key.machineKeyset());
        assertEquals(WindowsConstants.AT_KEYEXCHANGE, key.keySpec());
        assertArrayEquals(CERTIFICATES.intermediate, read.entries().get(1).encoded());
        assertNull(read.entries().get(1).keyProvider());
    }

    /** One certificate whose properties answer as {@code properties} says; the store ends normally. */
    private void storeOfOne(byte[] der, java.util.function.Function<Object[], Object> properties) {
        storeOpens(WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG
                | WindowsConstants.CERT_STORE_READONLY_FLAG, "MY");
        Pointer only = context(der);
        bindings.on("CertEnumCertificatesInStore", args -> {
            Pointer previous = (Pointer) args[1];
            if (previous != null) {
                bindings.close(previous, "context");
                return fail(WindowsConstants.ERROR_NO_MORE_FILES, null);
            }
            return bindings.track("context", only);
        });
        bindings.on("CertGetCertificateContextProperty", properties);
    }

    @Test
    void aFriendlyNameStoredWithoutItsNulIsReadByItsLength() {
        byte[] noNul = "BEMS".getBytes(StandardCharsets.UTF_16LE);
        storeOfOne(CERTIFICATES.leaf, args -> {
            if ((int) args[1] != WindowsConstants.CERT_FRIENDLY_NAME_PROP_ID) {
                return fail(WindowsConstants.CRYPT_E_NOT_FOUND, false);
            }
            copyOut(bindings.bytes(noNul), (Pointer) args[2], (IntByReference) args[3]);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.error());
        assertNull(read.enumerationError(), "ERROR_NO_MORE_FILES is the normal end of a store");
        assertEquals("BEMS", read.entries().get(0).friendlyName());
        assertEquals(List.of(), read.entries().get(0).propertyProblems());
    }

    @Test
    void aMalformedPropertyIsRecordedOnItsEntryAndTheStoreIsStillRead() {
        storeOfOne(CERTIFICATES.leaf, args -> {
            int id = (int) args[1];
            if (id == WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID) {
                copyOut(bindings.bytes(new byte[10]), (Pointer) args[2], (IntByReference) args[3]);
                return true;
            }
            if (id == WindowsConstants.CERT_FRIENDLY_NAME_PROP_ID) {
                return fail(WindowsConstants.ERROR_ACCESS_DENIED, false);
            }
            return fail(WindowsConstants.CRYPT_E_NOT_FOUND, false);
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertEquals(1, read.entries().size());
        assertArrayEquals(CERTIFICATES.leaf, read.entries().get(0).encoded());
        assertNull(read.entries().get(0).keyProvider());
        assertEquals(2, read.entries().get(0).propertyProblems().size());
        assertTrue(read.entries().get(0).keyProviderProblem().problem().contains("10 bytes"),
                read.entries().get(0).propertyProblems().toString());
    }

    /** A store of one certificate whose CERT_ENHKEY_USAGE_PROP_ID answers with {@code usage}; nothing else is set. */
    private void storeOfOneWithUsage(java.util.function.Function<Object[], Object> usage) {
        storeOfOne(CERTIFICATES.leaf, args -> (int) args[1] == WindowsConstants.CERT_ENHKEY_USAGE_PROP_ID
                ? usage.apply(args) : fail(WindowsConstants.CRYPT_E_NOT_FOUND, false));
    }

    @Test
    void theStoreUsagePropertyIsReadByTheLengthWindowsReturns() {
        // Secure Email alone, DER; Windows may return fewer bytes than the size it first announced.
        byte[] secureEmail = Hex.decode("300a06082b06010505070304");
        List<Integer> offered = new ArrayList<>();
        storeOfOneWithUsage(args -> {
            IntByReference size = (IntByReference) args[3];
            if (args[2] == null) {
                size.setValue(secureEmail.length + 20);
                return true;
            }
            offered.add(size.getValue());
            Pointer buffer = (Pointer) args[2];
            buffer.write(0, new byte[size.getValue()], 0, size.getValue());
            buffer.write(0, secureEmail, 0, secureEmail.length);
            buffer.setByte(secureEmail.length, (byte) 0x55);
            size.setValue(secureEmail.length);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertEquals(List.of(secureEmail.length + 20), offered, "the buffer has the size Windows announced");
        assertArrayEquals(secureEmail, read.entries().get(0).enhancedKeyUsage());
        assertEquals(List.of(), read.entries().get(0).propertyProblems());
    }

    @Test
    void anAbsentStoreUsagePropertyIsNullAndNoProblem() {
        storeOfOneWithUsage(args -> fail(WindowsConstants.CRYPT_E_NOT_FOUND, false));

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.entries().get(0).enhancedKeyUsage());
        assertEquals(List.of(), read.entries().get(0).propertyProblems());
    }

    @Test
    void aStoreUsagePropertyOfNoBytesIsPresentAndEmptyNotAbsent() {
        storeOfOneWithUsage(args -> {
            ((IntByReference) args[3]).setValue(0);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertArrayEquals(new byte[0], read.entries().get(0).enhancedKeyUsage());
    }

    @Test
    void aStoreUsagePropertyThatCannotBeReadIsAProblemOnItsEntry() {
        storeOfOneWithUsage(args -> fail(WindowsConstants.ERROR_ACCESS_DENIED, false));

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.entries().get(0).enhancedKeyUsage());
        assertEquals(1, read.entries().get(0).propertyProblems().size());
        assertEquals(WindowsConstants.CERT_ENHKEY_USAGE_PROP_ID,
                read.entries().get(0).propertyProblems().get(0).propertyId());
        assertTrue(read.entries().get(0).propertyProblems().get(0).problem().contains("CERT_ENHKEY_USAGE_PROP_ID"));
    }

    @Test
    void aPropertyLongerThanAnyRealOneIsNotFetched() {
        List<Object> buffers = new ArrayList<>();
        storeOfOneWithUsage(args -> {
            buffers.add(args[2]);
            ((IntByReference) args[3]).setValue(JnaStoresAndKeys.MAX_PROPERTY_BYTES + 1);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertEquals(1, buffers.size(), "only the size is asked");
        assertNull(buffers.get(0));
        assertNull(read.entries().get(0).enhancedKeyUsage());
        assertTrue(read.entries().get(0).propertyProblems().get(0).problem().contains("not read"),
                read.entries().get(0).propertyProblems().toString());
    }

    @Test
    void aKeyProviderStringPointingOutsideThePropertyIsNotFollowed() {
        Memory elsewhere = bindings.wide("somewhere else");
        storeOfOne(CERTIFICATES.leaf, args -> {
            if ((int) args[1] != WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID) {
                return fail(WindowsConstants.CRYPT_E_NOT_FOUND, false);
            }
            int size = keyProvInfo((Pointer) args[2], "bems-key", "Microsoft Software Key Storage Provider", 0);
            if (args[2] != null) {
                ((Pointer) args[2]).setPointer(0, elsewhere);
            }
            ((IntByReference) args[3]).setValue(size);
            return true;
        });

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.entries().get(0).keyProvider());
        assertTrue(read.entries().get(0).keyProviderProblem().problem().contains("pwszContainerName points outside"),
                read.entries().get(0).propertyProblems().toString());
    }

    @Test
    void anEnumerationThatFailsBeforeTheEndIsAPartialRead() {
        storeOpens(WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG
                | WindowsConstants.CERT_STORE_READONLY_FLAG, "MY");
        Pointer first = context(CERTIFICATES.leaf);
        bindings.on("CertEnumCertificatesInStore", args -> {
            Pointer previous = (Pointer) args[1];
            if (previous != null) {
                bindings.close(previous, "context");
                return fail(WindowsConstants.ERROR_ACCESS_DENIED, null);
            }
            return bindings.track("context", first);
        });
        bindings.on("CertGetCertificateContextProperty", args -> fail(WindowsConstants.CRYPT_E_NOT_FOUND, false));

        StoreRead read = bindings.api().stores().readStore(LM_MY);

        assertNull(read.error());
        assertEquals(1, read.entries().size());
        assertEquals(WindowsConstants.ERROR_ACCESS_DENIED, read.enumerationError().code());
    }

    @Test
    void anOrphanedSidHasNoNameNeverAPlaceholder() {
        String orphan = "S-1-5-21-7-7-7-1234";
        bindings.on("LookupAccountSidW", args -> {
            assertEquals(orphan, sidAt((Pointer) args[1]));
            return fail(WindowsConstants.ERROR_NONE_MAPPED, false);
        });
        assertNull(bindings.api().accounts().accountName(orphan));
    }

    @Test
    void aSidIsNamedDomainBackslashNameAndADeletedAccountIsNot() {
        int[] use = {1};
        bindings.on("LookupAccountSidW", args -> {
            IntByReference nameLength = (IntByReference) args[3];
            IntByReference domainLength = (IntByReference) args[5];
            if (args[2] == null) {
                nameLength.setValue("Administrators".length() + 1);
                domainLength.setValue("BUILTIN".length() + 1);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            byte[] name = "Administrators\0".getBytes(StandardCharsets.UTF_16LE);
            byte[] domain = "BUILTIN\0".getBytes(StandardCharsets.UTF_16LE);
            ((Pointer) args[2]).write(0, name, 0, name.length);
            ((Pointer) args[4]).write(0, domain, 0, domain.length);
            nameLength.setValue("Administrators".length());
            domainLength.setValue("BUILTIN".length());
            ((IntByReference) args[6]).setValue(use[0]);
            return true;
        });
        assertEquals("BUILTIN\\Administrators", bindings.api().accounts().accountName(Sid.ADMINISTRATORS));
        use[0] = WindowsConstants.SidTypeDeletedAccount;
        assertNull(bindings.api().accounts().accountName(Sid.ADMINISTRATORS));
    }

    @Test
    void aStoreThatDoesNotOpenIsItsErrorAndNothingElse() {
        bindings.on("CertOpenStore", args -> fail(WindowsConstants.ERROR_FILE_NOT_FOUND, null));
        StoreRead read = bindings.api().stores().readStore(StoreRef.registry(StoreLocation.LOCAL_MACHINE_GROUP_POLICY, "ROOT"));
        assertEquals(WindowsConstants.ERROR_FILE_NOT_FOUND, read.error().code());
        assertEquals("message 2", read.error().message());
        assertEquals(List.of("CertOpenStore"), bindings.calls);
    }

    @Test
    void aPhysicalStoreIsOpenedWithTheRegistryProviderAtItsLocation() {
        bindings.on("CertOpenStore", args -> {
            assertEquals(WindowsConstants.CERT_STORE_PROV_SYSTEM_REGISTRY_W, Pointer.nativeValue((Pointer) args[0]));
            assertEquals(WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE
                    | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG | WindowsConstants.CERT_STORE_READONLY_FLAG,
                    args[3]);
            return fail(WindowsConstants.ERROR_FILE_NOT_FOUND, null);
        });
        bindings.api().stores().readStore(StoreRef.registry(StoreLocation.LOCAL_MACHINE_ENTERPRISE, "CA"));
    }

    @Test
    void anOpenedCapiKeyIsReleasedWithItsContextAndStore() {
        storeWithCertificate(CERTIFICATES.leaf);
        bindings.on("CryptAcquireCertificatePrivateKey", args -> {
            assertEquals(WindowsConstants.CRYPT_ACQUIRE_SILENT_FLAG | WindowsConstants.CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG
                    | WindowsConstants.CRYPT_ACQUIRE_COMPARE_KEY_FLAG, args[1],
                    "silent, CNG allowed, compared with the certificate's public key, no cache");
            ((PointerByReference) args[3]).setValue(bindings.openHandle("HCRYPTPROV"));
            ((IntByReference) args[4]).setValue(WindowsConstants.AT_KEYEXCHANGE);
            ((IntByReference) args[5]).setValue(1);
            return true;
        });
        bindings.on("CryptReleaseContext", args -> {
            bindings.close(args[0], "HCRYPTPROV");
            return true;
        });

        KeyOpenResult result = bindings.api().stores().openPrivateKey(LM_MY, StoredCertificate.digest("SHA-1",
                CERTIFICATES.leaf));

        assertTrue(result.opened());
        assertFalse(result.openedAsCng());
    }

    @Test
    void anOpenedCngKeyIsFreedWithNCryptFreeObject() {
        storeWithCertificate(CERTIFICATES.leaf);
        bindings.on("CryptAcquireCertificatePrivateKey", args -> {
            ((PointerByReference) args[3]).setValue(bindings.openHandle("NCRYPT_KEY_HANDLE"));
            ((IntByReference) args[4]).setValue(WindowsConstants.CERT_NCRYPT_KEY_SPEC);
            ((IntByReference) args[5]).setValue(1);
            return true;
        });
        bindings.on("NCryptFreeObject", args -> {
            bindings.close(args[0], "NCRYPT_KEY_HANDLE");
            return 0;
        });

        assertTrue(bindings.api().stores().openPrivateKey(LM_MY, StoredCertificate.digest("SHA-1", CERTIFICATES.leaf))
                .openedAsCng());
    }

    @Test
    void aKeyThatDoesNotOpenKeepsItsErrorAndStillFreesTheContextAndStore() {
        storeWithCertificate(CERTIFICATES.leaf);
        bindings.on("CryptAcquireCertificatePrivateKey", args -> fail(WindowsConstants.NTE_BAD_KEYSET, false));

        KeyOpenResult result = bindings.api().stores().openPrivateKey(LM_MY, StoredCertificate.digest("SHA-1",
                CERTIFICATES.leaf));

        assertEquals(WindowsConstants.NTE_BAD_KEYSET, result.error().code());
    }

    @Test
    void aCertificateNoLongerInTheStoreClosesTheStore() {
        storeWithCertificate(CERTIFICATES.leaf);
        bindings.on("CertFindCertificateInStore", args -> fail(WindowsConstants.CRYPT_E_NOT_FOUND, null));
        assertEquals(WindowsConstants.CRYPT_E_NOT_FOUND, bindings.api().stores().openPrivateKey(LM_MY,
                StoredCertificate.digest("SHA-1", CERTIFICATES.leaf)).error().code());
    }

    @Test
    void theChainEngineIsAskedOfflineAndItsChainIsReadAndFreed() {
        storeWithCertificate(CERTIFICATES.leaf);
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        Pointer chain = chain(0x20, 0x100, CERTIFICATES.leaf, CERTIFICATES.intermediate, CERTIFICATES.root);
        bindings.on("CertGetCertificateChain", args -> {
            assertEquals(WindowsConstants.HCCE_LOCAL_MACHINE, Pointer.nativeValue((Pointer) args[0]));
            assertEquals(JnaStoresAndKeys.fileTime(at), ((Pointer) args[2]).getLong(0));
            assertNull(args[3], "no additional store: only the machine's stores");
            assertEquals(32, ((CertChainPara) args[4]).cbSize);
            assertEquals(WindowsConstants.CERT_CHAIN_DISABLE_AIA
                    | WindowsConstants.CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE
                    | WindowsConstants.CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL, args[5]);
            ((PointerByReference) args[7]).setValue(bindings.track("chain", chain));
            return true;
        });
        bindings.on("CertFreeCertificateChain", args -> {
            bindings.close(args[0], "chain");
            return null;
        });

        ChainVerdict verdict = bindings.api().stores().chainVerdict(LM_MY, StoredCertificate.digest("SHA-1",
                CERTIFICATES.leaf), at);

        assertNull(verdict.error());
        assertEquals(0x20, verdict.errorStatus());
        assertEquals(0x100, verdict.infoStatus());
        assertEquals(3, verdict.elements().size());
        assertArrayEquals(CERTIFICATES.root, verdict.elements().get(2).encoded());
        assertEquals(0x20, verdict.elements().get(2).errorStatus());
    }

    @Test
    void checkingRevocationTheChainEngineMayFetchAndItsChainIsStillFreed() {
        storeWithCertificate(CERTIFICATES.leaf);
        Pointer chain = chain(0x01000040, 0, CERTIFICATES.leaf, CERTIFICATES.intermediate, CERTIFICATES.root);
        bindings.on("CertGetCertificateChain", args -> {
            // Revocation of every certificate but the root, and no cache-only retrieval: it would leave every CRL
            // the machine has not cached offline.
            assertEquals(WindowsConstants.CERT_CHAIN_DISABLE_AIA
                    | WindowsConstants.CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE
                    | WindowsConstants.CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT, args[5]);
            ((PointerByReference) args[7]).setValue(bindings.track("chain", chain));
            return true;
        });
        bindings.on("CertFreeCertificateChain", args -> {
            bindings.close(args[0], "chain");
            return null;
        });

        ChainVerdict verdict = bindings.api().stores().chainVerdict(LM_MY, StoredCertificate.digest("SHA-1",
                CERTIFICATES.leaf), null, true);

        assertNull(verdict.error());
        assertEquals(0x01000040, verdict.errorStatus());
    }

    @Test
    void aCapiContainersUniqueNameIsReadAsAnsiAndTheProviderReleased() {
        KeyProviderInfo key = new KeyProviderInfo("bems-key", "Microsoft Strong Cryptographic Provider", 1,
                WindowsConstants.CRYPT_MACHINE_KEYSET, WindowsConstants.AT_KEYEXCHANGE);
        byte[] name = "c0ffee_9a1b\0".getBytes(StandardCharsets.US_ASCII);
        bindings.on("CryptAcquireContextW", args -> {
            assertEquals("bems-key", args[1].toString());
            assertEquals(1, args[3]);
            assertEquals(WindowsConstants.CRYPT_SILENT | WindowsConstants.CRYPT_MACHINE_KEYSET, args[4]);
            ((PointerByReference) args[0]).setValue(bindings.openHandle("HCRYPTPROV"));
            return true;
        });
        bindings.on("CryptGetProvParam", args -> {
            assertEquals(WindowsConstants.PP_UNIQUE_CONTAINER, args[1]);
            copyOut(bindings.bytes(name), (Pointer) args[2], (IntByReference) args[3]);
            return true;
        });
        bindings.on("CryptReleaseContext", args -> {
            bindings.close(args[0], "HCRYPTPROV");
            return true;
        });

        assertEquals("c0ffee_9a1b", bindings.api().stores().uniqueKeyName(key).name());
    }

    @Test
    void aCngKeysUniqueNameIsReadAndBothHandlesFreed() {
        KeyProviderInfo key = new KeyProviderInfo("{BEMS}", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0,
                WindowsConstants.CRYPT_MACHINE_KEYSET, WindowsConstants.AT_KEYEXCHANGE);
        ncryptProvider();
        bindings.on("NCryptOpenKey", args -> {
            assertEquals("{BEMS}", args[2].toString());
            assertEquals(WindowsConstants.AT_KEYEXCHANGE, args[3], "the legacy key spec of the property");
            assertEquals(WindowsConstants.NCRYPT_SILENT_FLAG | WindowsConstants.NCRYPT_MACHINE_KEY_FLAG, args[4]);
            ((PointerByReference) args[1]).setValue(bindings.openHandle("NCRYPT_KEY_HANDLE"));
            return 0;
        });
        Memory unique = bindings.wide("7a9e_guid");
        bindings.on("NCryptGetProperty", args -> {
            assertEquals(WindowsConstants.NCRYPT_UNIQUE_NAME_PROPERTY, ((WString) args[1]).toString());
            copyOut(unique, (Pointer) args[2], (IntByReference) args[4]);
            return 0;
        });

        assertEquals("7a9e_guid", bindings.api().stores().uniqueKeyName(key).name());
    }

    @Test
    void aCngKeyThatDoesNotOpenFreesTheProvider() {
        ncryptProvider();
        bindings.on("NCryptOpenKey", args -> WindowsConstants.NTE_BAD_KEYSET);
        UniqueKeyName name = bindings.api().stores().uniqueKeyName(new KeyProviderInfo("{GONE}",
                WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, 0, 0));
        assertEquals(WindowsConstants.NTE_BAD_KEYSET, name.error().code());
    }

    @Test
    void aSecurityDescriptorIsCopiedWithItsSddlAndBothBuffersAreFreed() {
        byte[] descriptor = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.USERS, WindowsConstants.FILE_GENERIC_READ).build();
        Memory allocated = bindings.bytes(descriptor);
        Memory sddl = bindings.wide("O:BAG:SYD:(A;;FR;;;BU)");
        bindings.on("GetNamedSecurityInfoW", args -> {
            assertEquals("C:\\key", args[0].toString());
            assertEquals(WindowsConstants.SE_FILE_OBJECT, args[1]);
            assertEquals(WindowsConstants.OWNER_SECURITY_INFORMATION
                    | WindowsConstants.GROUP_SECURITY_INFORMATION | WindowsConstants.DACL_SECURITY_INFORMATION, args[2]);
            ((PointerByReference) args[7]).setValue(bindings.track("LocalAlloc", allocated));
            return 0;
        });
        bindings.on("GetSecurityDescriptorLength", args -> descriptor.length);
        bindings.on("ConvertSecurityDescriptorToStringSecurityDescriptorW", args -> {
            ((PointerByReference) args[3]).setValue(bindings.track("LocalAlloc", sddl));
            return true;
        });
        bindings.on("LocalFree", args -> {
            bindings.close(args[0], "LocalAlloc");
            return null;
        });

        SecurityDescriptorRead read = bindings.api().accessChecks().securityDescriptor(SecuredObject.file("C:\\key"));

        assertArrayEquals(descriptor, read.selfRelative());
        assertEquals("O:BAG:SYD:(A;;FR;;;BU)", read.sddl());
    }

    @Test
    void aDescriptorThatCannotBeReadIsItsError() {
        bindings.on("GetNamedSecurityInfoW", args -> {
            assertEquals(WindowsConstants.SE_REGISTRY_KEY, args[1]);
            return WindowsConstants.ERROR_ACCESS_DENIED;
        });
        SecurityDescriptorRead read = bindings.api().accessChecks().securityDescriptor(
                SecuredObject.registryKey("MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\My"));
        assertEquals(WindowsConstants.ERROR_ACCESS_DENIED, read.error().code());
    }

    @Test
    void aServiceConfigurationIsReadFromItsBufferAndBothServiceHandlesClosed() {
        serviceManager();
        byte[] startName = "NT SERVICE\\GoodTechnology\0".getBytes(StandardCharsets.UTF_16LE);
        byte[] displayName = "Good Technology Common Services\0".getBytes(StandardCharsets.UTF_16LE);
        int structureSize = new QueryServiceConfig().size();
        int total = structureSize + startName.length + displayName.length;
        bindings.on("QueryServiceConfigW", args -> {
            if (args[1] == null) {
                ((IntByReference) args[3]).setValue(total);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            // As Windows does: the strings follow the structure in the caller's buffer.
            Pointer buffer = (Pointer) args[1];
            QueryServiceConfig config = new QueryServiceConfig(buffer);
            buffer.write(structureSize, startName, 0, startName.length);
            buffer.write(structureSize + startName.length, displayName, 0, displayName.length);
            config.lpServiceStartName = buffer.share(structureSize);
            config.lpDisplayName = buffer.share(structureSize + startName.length);
            config.write();
            return true;
        });
        bindings.on("QueryServiceConfig2W", args -> {
            assertEquals(WindowsConstants.SERVICE_CONFIG_SERVICE_SID_INFO, args[1]);
            if (args[2] == null) {
                ((IntByReference) args[4]).setValue(4);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            ((Pointer) args[2]).setInt(0, WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED);
            return true;
        });

        ServiceConfigRead read = bindings.api().accounts().serviceConfig("GoodTechnology");

        assertNull(read.error());
        assertEquals("NT SERVICE\\GoodTechnology", read.startName());
        assertEquals("Good Technology Common Services", read.displayName());
        assertEquals(WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED, read.serviceSidType());
    }

    /**
     * The service's strings are decoded from a copy of the buffer taken while the buffer is certainly alive, never
     * by following the structure's pointers afterwards (a Memory is freed once unreachable, and the pointers do
     * not keep it reachable): a pointer that leads anywhere but into that buffer is not followed.
     */
    @Test
    void aServiceStringOutsideTheReturnedBufferIsNeverFollowed() {
        serviceManager();
        Memory elsewhere = bindings.wide("not in the buffer");
        int structureSize = new QueryServiceConfig().size();
        bindings.on("QueryServiceConfigW", args -> {
            if (args[1] == null) {
                ((IntByReference) args[3]).setValue(structureSize);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            QueryServiceConfig config = new QueryServiceConfig((Pointer) args[1]);
            config.lpServiceStartName = null;
            config.lpBinaryPathName = null;
            config.lpLoadOrderGroup = null;
            config.lpDependencies = null;
            config.lpDisplayName = elsewhere;
            config.write();
            return true;
        });

        ServiceConfigRead read = bindings.api().accounts().serviceConfig("GoodTechnology");

        assertTrue(read.error().message().contains("lpDisplayName points outside"), read.error().message());
        assertFalse(bindings.calls.contains("QueryServiceConfig2W"));
    }

    @Test
    void aMissingServiceClosesTheServiceManager() {
        serviceManager();
        bindings.on("OpenServiceW", args -> fail(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST, null));
        assertEquals(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST,
                bindings.api().accounts().serviceConfig("NoSuchService").error().code());
    }

    @Test
    void authzChecksTheAccountWithItsGroupsAndFreesEveryContext() {
        String account = "S-1-5-80-1111-2222-3333-4444-5555";
        byte[] descriptor = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.SERVICE, WindowsConstants.FILE_GENERIC_READ).build();
        authz(account, true, List.of(Sid.EVERYONE, Sid.SERVICE));
        bindings.on("AuthzAccessCheck", args -> {
            AuthzAccessRequest request = (AuthzAccessRequest) args[2];
            assertEquals(WindowsConstants.MAXIMUM_ALLOWED, request.DesiredAccess);
            assertArrayEquals(descriptor, ((Pointer) args[4]).getByteArray(0, descriptor.length));
            AuthzAccessReply reply = (AuthzAccessReply) args[7];
            assertEquals(1, reply.ResultListLength);
            reply.GrantedAccessMask.setInt(0, WindowsConstants.FILE_GENERIC_READ);
            reply.Error.setInt(0, 0);
            return true;
        });

        AccessCheckResult result = bindings.api().accessChecks().effectiveAccess(account, true, List.of(Sid.EVERYONE, Sid.SERVICE),
                descriptor);

        assertNull(result.error());
        assertEquals(WindowsConstants.FILE_GENERIC_READ, result.grantedAccess());
        assertTrue(bindings.calls.contains("AuthzAddSidsToContext"));
    }

    @Test
    void nothingGrantedIsZeroAndAFailedContextStillFreesTheResourceManager() {
        String account = "S-1-5-21-1-2-3-1001";
        authz(account, false, List.of());
        bindings.on("AuthzAccessCheck", args -> {
            ((AuthzAccessReply) args[7]).Error.setInt(0, WindowsConstants.ERROR_ACCESS_DENIED);
            return true;
        });
        assertEquals(0, bindings.api().accessChecks().effectiveAccess(account, false, List.of(), new byte[20]).grantedAccess());
        assertFalse(bindings.calls.contains("AuthzAddSidsToContext"), "no groups to add");

        bindings.on("AuthzInitializeContextFromSid", args -> fail(1355, false));
        assertEquals(1355, bindings.api().accessChecks().effectiveAccess(account, false, List.of(), new byte[20]).error().code());
    }

    private void authz(String account, boolean skipTokenGroups, List<String> groups) {
        bindings.on("AuthzInitializeResourceManager", args -> {
            assertEquals(WindowsConstants.AUTHZ_RM_FLAG_NO_AUDIT, args[0]);
            ((PointerByReference) args[5]).setValue(bindings.openHandle("resource manager"));
            return true;
        });
        bindings.on("AuthzFreeResourceManager", args -> {
            bindings.close(args[0], "resource manager");
            return true;
        });
        bindings.on("AuthzInitializeContextFromSid", args -> {
            assertEquals(skipTokenGroups ? WindowsConstants.AUTHZ_SKIP_TOKEN_GROUPS : 0, args[0]);
            assertEquals(account, sidAt((Pointer) args[1]));
            assertEquals(0L, args[4]);
            ((PointerByReference) args[6]).setValue(bindings.openHandle("client context"));
            return true;
        });
        bindings.on("AuthzAddSidsToContext", args -> {
            int count = (int) args[2];
            List<String> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SidAndAttributes entry = new SidAndAttributes();
                Pointer at = ((Pointer) args[1]).share((long) i * entry.size());
                added.add(sidAt(at.getPointer(0)));
                assertEquals(WindowsConstants.SE_GROUP_ENABLED | WindowsConstants.SE_GROUP_ENABLED_BY_DEFAULT
                        | WindowsConstants.SE_GROUP_MANDATORY, at.getInt(8));
            }
            assertEquals(groups, added);
            ((PointerByReference) args[5]).setValue(bindings.openHandle("client context"));
            return true;
        });
        bindings.on("AuthzFreeContext", args -> {
            bindings.close(args[0], "client context");
            return true;
        });
    }

    private static String sidAt(Pointer sid) {
        int count = sid.getByte(1) & 0xFF;
        return Sid.toText(sid.getByteArray(0, 8 + 4 * count), 0);
    }

    private void ncryptProvider() {
        bindings.on("NCryptOpenStorageProvider", args -> {
            assertEquals(WindowsConstants.MS_KEY_STORAGE_PROVIDER, args[1].toString());
            ((PointerByReference) args[0]).setValue(bindings.openHandle("NCRYPT_PROV_HANDLE"));
            return 0;
        });
        bindings.on("NCryptFreeObject", args -> {
            bindings.close(args[0]);
            return 0;
        });
    }

    private void serviceManager() {
        bindings.on("OpenSCManagerW", args -> {
            assertEquals(WindowsConstants.SC_MANAGER_CONNECT, args[2]);
            return bindings.openHandle("SC_HANDLE");
        });
        bindings.on("OpenServiceW", args -> {
            assertEquals(WindowsConstants.SERVICE_QUERY_CONFIG, args[2]);
            return bindings.openHandle("SC_HANDLE");
        });
        bindings.on("CloseServiceHandle", args -> {
            bindings.close(args[0], "SC_HANDLE");
            return true;
        });
    }

    /**
     * Writes CERT_KEY_PROV_INFO_PROP_ID into the caller's buffer as Windows does, the strings after the structure
     * in the same buffer, and returns its size; with no buffer, only the size.
     */
    private static int keyProvInfo(Pointer buffer, String container, String provider, int type) {
        byte[] containerName = (container + "\0").getBytes(StandardCharsets.UTF_16LE);
        byte[] providerName = (provider + "\0").getBytes(StandardCharsets.UTF_16LE);
        int structureSize = new CryptKeyProvInfo().size();
        if (buffer != null) {
            CryptKeyProvInfo info = new CryptKeyProvInfo(buffer);
            buffer.write(structureSize, containerName, 0, containerName.length);
            buffer.write(structureSize + containerName.length, providerName, 0, providerName.length);
            info.pwszContainerName = buffer.share(structureSize);
            info.pwszProvName = buffer.share(structureSize + containerName.length);
            info.dwProvType = type;
            info.dwFlags = WindowsConstants.CRYPT_MACHINE_KEYSET;
            info.cProvParam = 0;
            info.rgProvParam = null;
            info.dwKeySpec = WindowsConstants.AT_KEYEXCHANGE;
            info.write();
        }
        return structureSize + containerName.length + providerName.length;
    }

    /** A chain context as crypt32 lays it out: one simple chain of the given elements, leaf first. */
    private Pointer chain(int errorStatus, int infoStatus, byte[]... elements) {
        Memory elementPointers = new Memory((long) elements.length * Native.POINTER_SIZE);
        for (int i = 0; i < elements.length; i++) {
            CertChainElement element = new CertChainElement();
            element.cbSize = element.size();
            element.pCertContext = context(elements[i]);
            element.TrustStatus.dwErrorStatus = i == elements.length - 1 ? errorStatus : 0;
            elementPointers.setPointer((long) i * Native.POINTER_SIZE, bindings.written(element).getPointer());
        }
        CertSimpleChain simple = new CertSimpleChain();
        simple.cElement = elements.length;
        simple.rgpElement = elementPointers;
        simple.TrustStatus.dwErrorStatus = errorStatus;
        Memory chains = new Memory(Native.POINTER_SIZE);
        chains.setPointer(0, bindings.written(simple).getPointer());
        CertChainContext chain = new CertChainContext();
        chain.cChain = 1;
        chain.rgpChain = chains;
        chain.TrustStatus.dwErrorStatus = errorStatus;
        chain.TrustStatus.dwInfoStatus = infoStatus;
        bindings.keep(elementPointers);
        bindings.keep(chains);
        return bindings.written(chain).getPointer();
    }

    /** Copies a property value out as Windows does: size query when there is no buffer, else the bytes. */
    private static void copyOut(Memory value, Pointer buffer, IntByReference size) {
        if (buffer != null) {
            buffer.write(0, value.getByteArray(0, (int) value.size()), 0, (int) value.size());
        }
        size.setValue((int) value.size());
    }

    // -------------------------------------------------------------------------------------------------------------
    // The host environment and account lookups: through the bindings too, so their handles are seen here.
    // -------------------------------------------------------------------------------------------------------------

    private static final String AUDITOR = "S-1-5-21-1-2-3-500";

    private void sidNamed(String domain, String name) {
        bindings.on("LookupAccountSidW", args -> {
            IntByReference nameLength = (IntByReference) args[3];
            IntByReference domainLength = (IntByReference) args[5];
            if (args[2] == null) {
                nameLength.setValue(name.length() + 1);
                domainLength.setValue(domain.length() + 1);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
            byte[] domainBytes = (domain + "\0").getBytes(StandardCharsets.UTF_16LE);
            ((Pointer) args[2]).write(0, nameBytes, 0, nameBytes.length);
            ((Pointer) args[4]).write(0, domainBytes, 0, domainBytes.length);
            ((IntByReference) args[6]).setValue(1);
            return true;
        });
    }

    @Test
    void theAgentIsTheProcessTokensUserAndTheTokenIsClosed() {
        Pointer process = new Pointer(-1);
        bindings.on("GetCurrentProcess", args -> process);
        bindings.on("OpenProcessToken", args -> {
            assertEquals(process, args[0]);
            assertEquals(WindowsConstants.TOKEN_QUERY, args[1]);
            ((PointerByReference) args[2]).setValue(bindings.openHandle("token"));
            return true;
        });
        byte[] sid = Sid.toBinary(AUDITOR);
        // TOKEN_USER: a SID_AND_ATTRIBUTES (pointer, DWORD, padding on x64) whose SID follows in the same buffer.
        int tokenUser = 16 + sid.length;
        bindings.on("GetTokenInformation", args -> {
            Pointer buffer = (Pointer) args[2];
            if ((int) args[1] == WindowsConstants.TokenElevation) {
                buffer.setInt(0, 1);
                return true;
            }
            assertEquals(WindowsConstants.TokenUser, args[1]);
            if (buffer == null) {
                ((IntByReference) args[4]).setValue(tokenUser);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            buffer.setPointer(0, buffer.share(16));
            buffer.write(16, sid, 0, sid.length);
            return true;
        });
        bindings.on("CloseHandle", args -> {
            bindings.close(args[0], "token");
            return true;
        });
        sidNamed("BEMS01", "auditor");

        AgentIdentity agent = bindings.api().host().agent();

        assertEquals(new AgentIdentity("BEMS01\\auditor", AUDITOR, true), agent);
        assertTrue(bindings.calls.contains("CloseHandle"), "calls: " + bindings.calls);
    }

    @Test
    void aTokenThatDoesNotOpenIsAnUnknownAccountNotElevated() {
        bindings.on("GetCurrentProcess", args -> new Pointer(-1));
        bindings.on("OpenProcessToken", args -> fail(WindowsConstants.ERROR_ACCESS_DENIED, false));

        assertEquals(new AgentIdentity(null, null, false), bindings.api().host().agent());
    }

    @Test
    void anAccountNameResolvesThroughTheBindings() {
        byte[] sid = Sid.toBinary(AUDITOR);
        bindings.on("LookupAccountNameW", args -> {
            assertEquals("NT SERVICE\\GoodTechnology", args[1].toString());
            IntByReference sidLength = (IntByReference) args[3];
            IntByReference domainLength = (IntByReference) args[5];
            if (args[2] == null) {
                sidLength.setValue(sid.length);
                domainLength.setValue("NT SERVICE".length() + 1);
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            ((Pointer) args[2]).write(0, sid, 0, sid.length);
            byte[] domain = "NT SERVICE\0".getBytes(StandardCharsets.UTF_16LE);
            ((Pointer) args[4]).write(0, domain, 0, domain.length);
            domainLength.setValue("NT SERVICE".length());
            return true;
        });

        AccountLookup lookup = bindings.api().accounts().lookupAccount("NT SERVICE\\GoodTechnology");

        assertEquals(AccountLookup.of(AUDITOR, "NT SERVICE\\GoodTechnology"), lookup);
    }

    @Test
    void anAccountNameThatDoesNotResolveIsItsError() {
        bindings.on("LookupAccountNameW", args -> fail(WindowsConstants.ERROR_NONE_MAPPED, false));

        AccountLookup lookup = bindings.api().accounts().lookupAccount("CONTOSO\\gone$");

        assertEquals(WindowsConstants.ERROR_NONE_MAPPED, lookup.error().code());
        assertNull(lookup.sid());
    }

    @Test
    void theComputerNameComesFromTheBindingsAndAFailureIsLocalhost() {
        bindings.on("GetComputerNameW", args -> {
            IntByReference size = (IntByReference) args[1];
            assertEquals(WindowsConstants.MAX_COMPUTERNAME_LENGTH + 1, size.getValue());
            byte[] name = "BEMS01\0".getBytes(StandardCharsets.UTF_16LE);
            ((Pointer) args[0]).write(0, name, 0, name.length);
            size.setValue("BEMS01".length());
            return true;
        });
        assertEquals("BEMS01", bindings.api().host().computerName());

        bindings.on("GetComputerNameW", args -> fail(WindowsConstants.ERROR_ACCESS_DENIED, false));
        assertEquals("localhost", bindings.api().host().computerName());
    }
}
