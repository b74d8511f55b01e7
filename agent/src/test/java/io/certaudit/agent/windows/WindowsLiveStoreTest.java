package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.HostEnvironment.AgentIdentity;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.jna.Advapi32Ext;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.Crypt32Ext;
import io.certaudit.agent.windows.jna.JnaWindows;
import io.certaudit.agent.windows.jna.NCrypt;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;
import io.certaudit.agent.windows.jna.WindowsStructures;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.ServiceAccount;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;

/**
 * The JNA layer against real Windows: a throwaway CurrentUser store is created with a certificate and its private
 * key (imported from a PFX made here), audited, and deleted with its key. The machine's own stores are only read.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsLiveStoreTest {

    /** wincrypt.h: CRYPT_USER_KEYSET 0x1000, CERT_STORE_ADD_REPLACE_EXISTING 3, CERT_STORE_DELETE_FLAG 0x10. */
    private static final int CRYPT_USER_KEYSET = 0x1000;
    private static final int CERT_STORE_ADD_REPLACE_EXISTING = 3;
    private static final int CERT_STORE_DELETE_FLAG = 0x10;
    /** wincrypt.h: CRYPT_DELETEKEYSET 0x10. */
    private static final int CRYPT_DELETEKEYSET = 0x10;
    static final String PASSWORD = "certaudit-test";

    /** The writes this test needs and the audit never makes: importing, adding and deleting. */
    interface TestCrypt32 extends StdCallLibrary {
        TestCrypt32 INSTANCE = JnaWindows.load("crypt32", TestCrypt32.class);

        Pointer CertOpenStore(Pointer storeProvider, int encodingType, Pointer cryptProv, int flags, WString para);

        Pointer PFXImportCertStore(CryptDataBlob pfx, WString password, int flags);

        boolean CertAddCertificateContextToStore(Pointer store, Pointer context, int disposition, Pointer added);

        /** What certlm.msc does under Properties: sets CERT_ENHKEY_USAGE_PROP_ID from a CERT_ENHKEY_USAGE. */
        boolean CertSetEnhancedKeyUsage(Pointer context, WindowsStructures.CtlUsage usage);
    }

    interface TestNCrypt extends StdCallLibrary {
        TestNCrypt INSTANCE = JnaWindows.load("ncrypt", TestNCrypt.class);

        int NCryptDeleteKey(Pointer key, int flags);
    }

    private final WindowsCertificateApi api = JnaWindows.load();
    private final String storeName = "certaudit-test-" + UUID.randomUUID();
    private final StoreRef store = StoreRef.logical(StoreLocation.CURRENT_USER, storeName);
    private byte[] certificate;
    private String thumbprint;

    @BeforeEach
    void createATestStoreWithACertificateAndItsKey() throws Exception {
        TestPki pki = new TestPki();
        TestPki.Issued issued = pki.selfSigned(pki.spec("certaudit-live-test.example.com")
                .san("certaudit-live-test.example.com"));
        certificate = issued.der();
        thumbprint = StoredCertificate.digest("SHA-1", certificate);
        byte[] pfx = pfx(issued);

        Memory data = new Memory(pfx.length);
        data.write(0, pfx, 0, pfx.length);
        CryptDataBlob blob = new CryptDataBlob();
        blob.cbData = pfx.length;
        blob.pbData = data;
        Pointer imported = TestCrypt32.INSTANCE.PFXImportCertStore(blob, new WString(PASSWORD), CRYPT_USER_KEYSET);
        assertNotNull(imported, "PFXImportCertStore failed: " + Native.getLastError());
        Crypt32Ext crypt32 = JnaWindows.load("crypt32", Crypt32Ext.class);
        try {
            // No OPEN_EXISTING: the system store is created under HKCU.
            Pointer target = TestCrypt32.INSTANCE.CertOpenStore(
                    Pointer.createConstant(WindowsConstants.CERT_STORE_PROV_SYSTEM_W), 0, null,
                    WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER, new WString(storeName));
            assertNotNull(target, "CertOpenStore failed: " + Native.getLastError());
            try {
                Pointer context = crypt32.CertEnumCertificatesInStore(imported, null);
                assertNotNull(context, "the PFX holds no certificate");
                try {
                    assertTrue(TestCrypt32.INSTANCE.CertAddCertificateContextToStore(target, context,
                            CERT_STORE_ADD_REPLACE_EXISTING, null), "add failed: " + Native.getLastError());
                } finally {
                    crypt32.CertFreeCertificateContext(context);
                }
            } finally {
                assertTrue(crypt32.CertCloseStore(target, WindowsConstants.CERT_CLOSE_STORE_CHECK_FLAG),
                        "a certificate context was left open");
            }
        } finally {
            crypt32.CertCloseStore(imported, 0);
        }
    }

    @AfterEach
    void deleteTheKeyAndTheStore() {
        StoreRead read = api.stores().readStore(store);
        for (StoreEntry entry : read.entries()) {
            if (entry.keyProvider() != null) {
                deleteKey(entry.keyProvider());
            }
        }
        // With CERT_STORE_DELETE_FLAG, CertOpenStore deletes the store and always returns NULL.
        TestCrypt32.INSTANCE.CertOpenStore(Pointer.createConstant(WindowsConstants.CERT_STORE_PROV_SYSTEM_W), 0,
                null, WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER | CERT_STORE_DELETE_FLAG,
                new WString(storeName));
        assertEquals(0, Native.getLastError(), "the test store was not deleted");
    }

    @Test
    void readsTheStoreOpensTheKeyAndHasTheChainEngineJudgeIt() {
        StoreRead read = api.stores().readStore(store);

        assertNull(read.error());
        assertEquals(1, read.entries().size());
        StoreEntry entry = read.entries().get(0);
        assertArrayEquals(certificate, entry.encoded());
        KeyProviderInfo key = entry.keyProvider();
        assertNotNull(key, "the imported certificate carries CERT_KEY_PROV_INFO_PROP_ID");
        assertFalse(key.machineKeyset(), "imported into the user key set");

        KeyOpenResult opened = api.stores().openPrivateKey(store, thumbprint);
        assertTrue(opened.opened(), () -> "the key did not open: " + opened.error().describe());
        assertNotNull(api.stores().uniqueKeyName(key).name(), "the container's unique name is readable");

        ChainVerdict verdict = api.stores().chainVerdict(store, thumbprint, Instant.now());
        assertNull(verdict.error());
        assertTrue((verdict.errorStatus() & WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT) != 0,
                "a self-signed certificate outside Trusted Root is an untrusted root: "
                        + ChainTrustStatus.errorNames(verdict.errorStatus()));
        assertArrayEquals(certificate, verdict.elements().get(0).encoded());
    }

    @Test
    void theStoreEkuPropertyIsReadAsWindowsEncodedIt() {
        String secureEmail = "1.3.6.1.5.5.7.3.4";
        Memory oid = new Memory(secureEmail.length() + 1);
        oid.setString(0, secureEmail, "US-ASCII");
        Memory oids = new Memory(Native.POINTER_SIZE);
        oids.setPointer(0, oid);
        WindowsStructures.CtlUsage usage = new WindowsStructures.CtlUsage();
        usage.cUsageIdentifier = 1;
        usage.rgpszUsageIdentifier = oids;
        Crypt32Ext crypt32 = JnaWindows.load("crypt32", Crypt32Ext.class);
        Pointer writable = TestCrypt32.INSTANCE.CertOpenStore(
                Pointer.createConstant(WindowsConstants.CERT_STORE_PROV_SYSTEM_W), 0, null,
                WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER | WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG,
                new WString(storeName));
        assertNotNull(writable, "CertOpenStore failed: " + Native.getLastError());
        try {
            Pointer context = crypt32.CertEnumCertificatesInStore(writable, null);
            assertNotNull(context);
            try {
                assertTrue(TestCrypt32.INSTANCE.CertSetEnhancedKeyUsage(context, usage),
                        "CertSetEnhancedKeyUsage failed: " + Native.getLastError());
            } finally {
                crypt32.CertFreeCertificateContext(context);
            }
        } finally {
            crypt32.CertCloseStore(writable, 0);
        }

        StoreEntry entry = api.stores().readStore(store).entries().get(0);

        assertEquals(List.of(), entry.propertyProblems());
        assertNotNull(entry.enhancedKeyUsage(), "CERT_ENHKEY_USAGE_PROP_ID was set");
        assertEquals(List.of(secureEmail),
                io.certaudit.agent.source.StoreEnhancedKeyUsage.decode(entry.enhancedKeyUsage()).usages());
    }

    @Test
    void aMissingStoreIsFileNotFoundAndNeverCreated() {
        StoreRef missing = StoreRef.logical(StoreLocation.CURRENT_USER, "certaudit-absent-" + UUID.randomUUID());
        StoreRead read = api.stores().readStore(missing);
        // Either of the two codes Windows uses for a store that does not exist; the second read proves the
        // first did not create it.
        assertTrue(read.absent(), read.error().describe());
        assertTrue(api.stores().readStore(missing).absent());
    }

    /**
     * The owner's own groups are computed by Authz (an S4U logon); on a machine joined only to Azure AD, or a
     * domain member that cannot reach a domain controller, that fails, and the evaluator falls back to the
     * service logon groups: the owner's own entry on its key still grants it read.
     */
    @Test
    void authzGrantsTheOwnerReadOnItsStoreKey() {
        AgentIdentity agent = api.host().agent();
        assertNotNull(agent.sid());
        ResolvedServiceAccount owner = new ResolvedServiceAccount(new ServiceAccount(agent.name(), agent.sid(),
                "test"), false, List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS), null);

        AccessFacts access = new AccessEvaluator(api.accessChecks(), api.accounts(), api.host().agent().elevated()).evaluate(SecuredObject.registryKey(
                        "CURRENT_USER\\Software\\Microsoft\\SystemCertificates\\" + storeName),
                GenericMapping.REGISTRY_KEY, WindowsConstants.KEY_READ, owner);

        assertEquals(Tristate.YES, access.canRead(), () -> access.unknownReason() + " " + access.entries());
        assertNotNull(access.sddl());
    }

    @Test
    void resolvesAServiceLogonAndWellKnownNames() {
        ServiceConfigRead eventLog = api.accounts().serviceConfig("EventLog");
        assertNull(eventLog.error());
        assertNotNull(eventLog.startName());
        // "NT AUTHORITY\SYSTEM" is spelled in the system's language (NT-AUTORITÄT\SYSTEM): look up the name
        // Windows itself gives the SID.
        assertEquals(Sid.LOCAL_SYSTEM, api.accounts().lookupAccount(api.accounts().accountName(Sid.LOCAL_SYSTEM)).sid());
        // Names are localized (VORDEFINIERT\Administratoren): compare SIDs, never names.
        String administrators = api.accounts().accountName(Sid.ADMINISTRATORS);
        assertNotNull(administrators, "BUILTIN\\Administrators resolves on every Windows");
        assertEquals(Sid.ADMINISTRATORS, api.accounts().lookupAccount(administrators).sid());
        assertEquals(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST,
                api.accounts().serviceConfig("certaudit-no-such-service").error().code());
    }

    @Test
    void auditsThisMachineReadOnly() throws Exception {
        HostSnapshot snapshot = new WindowsStoreSource(api, ServiceAccountSelection.service("EventLog"),
                Instant.now()).read();

        assertFalse(snapshot.store(StoreName.ROOT).isEmpty(), "every Windows has trusted roots");
        assertEquals(3, snapshot.storeAccess().size());
        assertNotNull(snapshot.serviceAccount().sid(), snapshot.hostFacts().toString());
        AccessFacts root = snapshot.storeAccess().get(StoreName.ROOT);
        assertEquals(Tristate.YES, root.canRead(), () -> root.unknownReason() + " " + root.entries());
        assertTrue(snapshot.store(StoreName.ROOT).stream().anyMatch(c -> c.physicalStore() != null),
                "roots are attributed to their physical store");
    }

    /**
     * A PFX every supported Windows imports: key and certificate bags encrypted with
     * pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC. The JDK's default since 12 (PBES2 with AES-256 and an
     * HMAC-SHA256 MAC) is refused by Windows before Windows 10 1709 and Windows Server 2019.
     */
    static byte[] pfx(TestPki.Issued issued) throws Exception {
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.der()));
        char[] password = PASSWORD.toCharArray();
        BouncyCastleProvider provider = new BouncyCastleProvider();
        SubjectKeyIdentifier localKeyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(x509.getPublicKey());

        PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(x509);
        certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(issued.privateKey(),
                new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                        .setProvider(provider).build(password));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

        PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
        builder.addEncryptedData(new JcePKCSPBEOutputEncryptorBuilder(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC).setProvider(provider).build(password),
                certificateBag.build());
        builder.addData(keyBag.build());
        PKCS12PfxPdu pfx = builder.build(new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1)
                .setProvider(provider), password);
        return pfx.getEncoded(ASN1Encoding.DER);
    }

    private static void deleteKey(KeyProviderInfo key) {
        if (key.cng()) {
            NCrypt ncrypt = JnaWindows.load("ncrypt", NCrypt.class);
            PointerByReference provider = new PointerByReference();
            if (ncrypt.NCryptOpenStorageProvider(provider, new WString(key.provider()), 0) != 0) {
                return;
            }
            try {
                PointerByReference handle = new PointerByReference();
                if (ncrypt.NCryptOpenKey(provider.getValue(), handle, new WString(key.container()), 0, 0) == 0
                        && TestNCrypt.INSTANCE.NCryptDeleteKey(handle.getValue(), 0) != 0) {
                    // NCryptDeleteKey frees the handle only when it succeeds.
                    ncrypt.NCryptFreeObject(handle.getValue());
                }
            } finally {
                ncrypt.NCryptFreeObject(provider.getValue());
            }
        } else {
            JnaWindows.load("advapi32", Advapi32Ext.class).CryptAcquireContextW(new PointerByReference(), new WString(key.container()),
                    new WString(key.provider()), key.providerType(), CRYPT_DELETEKEYSET);
        }
    }
}
