package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.win32.W32APIOptions;

import io.certaudit.agent.windows.AccessChecks.AccessCheckResult;
import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.AccessChecks.SecurityDescriptorRead;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;
import io.certaudit.agent.windows.jna.Advapi32Ext;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.Crypt32Ext;
import io.certaudit.agent.windows.jna.JnaStoresAndKeys;
import io.certaudit.agent.windows.jna.JnaWindows;
import io.certaudit.agent.windows.jna.Kernel32Ext;
import io.certaudit.agent.windows.jna.NCrypt;

/**
 * The JNA marshalling lane: the project's binding interfaces, loaded exactly as {@link JnaWindows}
 * loads them (W32APIOptions.UNICODE_OPTIONS), against a native library built here with gcc
 * ({@code native/fake_windows_api.c}) that exports the same functions with the Windows parameter lists. JNA then
 * really converts every argument and result: the native side logs what it received, so argument order, flags,
 * structures passed by reference (CERT_CHAIN_PARA, CRYPT_HASH_BLOB, AUTHZ_ACCESS_REQUEST/REPLY), the LUID passed
 * by value, by-reference outputs (handles, sizes) and the last error (errno here, GetLastError on Windows) are
 * checked as they cross the boundary.
 *
 * <p>Limits: JNA passes a WString as the platform's {@code wchar_t}, which is UTF-32 on Linux and UTF-16 on
 * Windows; this lane shows that the text arrives (and the native log prints it as characters), the UTF-16 form
 * only a Windows run shows (the windows-latest CI job). Strings coming back are UTF-16 as on Windows, and are read
 * by the production code's own UTF-16 decoding. The calling convention is x86-64's one (see {@link #load}); the
 * x86 stdcall one only a 32-bit Windows JVM exercises. Runs on 64-bit Linux with gcc; skipped elsewhere.
 */
@EnabledOnOs(OS.LINUX)
@Tag("external-tool")
class JnaMarshallingTest {

    /** Test controls the native library exports beside the Windows functions. */
    interface FakeControl extends Library {
        String fake_log();

        int fake_open_handles();

        void fake_reset();

        void fake_certificates(byte[] leaf, int leafSize, byte[] root, int rootSize, byte[] leafSha1);
    }

    private static final TestChain CERTIFICATES = new TestChain();
    private static final StoreRef LM_MY = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "MY");

    @TempDir
    static Path build;
    private static FakeControl control;
    private static WindowsCertificateApi api;

    @BeforeAll
    static void buildAndLoad() throws Exception {
        assumeTrue(Native.POINTER_SIZE == 8, "the native stand-in lays structures out as 64-bit Windows does");
        String gcc = NativeTools.require("gcc", "JNA marshalling lane");
        Path source = build.resolve("fake_windows_api.c");
        try (InputStream in = JnaMarshallingTest.class.getResourceAsStream("native/fake_windows_api.c")) {
            Files.copy(in, source);
        }
        Path library = build.resolve("libfakewindowsapi.so");
        NativeTools.Result compiled = NativeTools.check(gcc, source, "-std=gnu11", "-shared", "-fPIC", "-O1", "-Wall",
                "-Wextra", "-Werror", "-o", library.toString());
        assertEquals(true, compiled.accepted(), compiled.output());
        String path = library.toString();
        control = Native.load(path, FakeControl.class);
        api = JnaWindows.over(load(path, Crypt32Ext.class), load(path, Advapi32Ext.class),
                load(path, NCrypt.class), load(path, Authz.class), load(path, Kernel32Ext.class),
                code -> "message " + code);
    }

    /**
     * Loads as {@link JnaWindows#load} does, with the UNICODE options (type and function mappers),
     * except for the calling convention: the interfaces are StdCallLibrary, whose stdcall libffi knows only on
     * 32-bit Windows. 64-bit Windows has one calling convention, and JNA uses it for stdcall there; the C
     * convention of x86-64 Linux is what this library is compiled with.
     */
    private static <T extends Library> T load(String path, Class<T> bindings) {
        Map<String, Object> options = new HashMap<>(W32APIOptions.UNICODE_OPTIONS);
        options.put(Library.OPTION_CALLING_CONVENTION, Function.C_CONVENTION);
        return Native.load(path, bindings, options);
    }

    @BeforeEach
    void reset() {
        control.fake_reset();
        byte[] sha1 = Hex.decode(WineAnswers.sha1(CERTIFICATES.leaf));
        control.fake_certificates(CERTIFICATES.leaf, CERTIFICATES.leaf.length, CERTIFICATES.root,
                CERTIFICATES.root.length, sha1);
    }

    @AfterEach
    void everyHandleIsFreed() {
        assertEquals(0, control.fake_open_handles(), control.fake_log());
    }

    private static List<String> log() {
        return control.fake_log().lines().toList();
    }

    @Test
    void readingAStore() {
        StoreRead read = api.stores().readStore(LM_MY);
        assertNull(read.error());
        assertEquals(1, read.entries().size());
        StoreEntry entry = read.entries().get(0);
        assertArrayEquals(CERTIFICATES.leaf, entry.encoded());
        // UTF-16 with a surrogate pair, read from a property buffer the native side filled.
        assertEquals("Fr\u00e9d\u00e9ric \uD83D\uDD12", entry.friendlyName());
        assertEquals(new KeyProviderInfo("le-conteneur", "Microsoft Enhanced RSA and AES Cryptographic Provider",
                24, 0x20, 1), entry.keyProvider());
        // The store EKU property as the native side wrote it, all 12 bytes it reported.
        assertArrayEquals(Hex.decode("300a06082b06010505070304"), entry.enhancedKeyUsage());
        assertEquals(List.of(
                // CERT_STORE_PROV_SYSTEM_W, no encoding, no provider, LOCAL_MACHINE | OPEN_EXISTING | READONLY.
                "CertOpenStore(10, 0, 0, 0x2c000, L\"MY\")",
                "CertEnumCertificatesInStore(0x5701, null)",
                "CertGetCertificateContextProperty(leaf, 11, null, 0)",
                "CertGetCertificateContextProperty(leaf, 11, buffer, 24)",
                "CertGetCertificateContextProperty(leaf, 2, null, 0)",
                "CertGetCertificateContextProperty(leaf, 2, buffer, 182)",
                "CertGetCertificateContextProperty(leaf, 9, null, 0)",
                "CertGetCertificateContextProperty(leaf, 9, buffer, 12)",
                // The previous context goes back to the enumeration, which frees it.
                "CertEnumCertificatesInStore(0x5701, context)",
                "CertCloseStore(0x5701, 0)"), log());
    }

    @Test
    void aStoreThatDoesNotExistReportsTheNativeError() {
        StoreRead read = api.stores().readStore(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "absent"));
        assertEquals(WindowsConstants.ERROR_FILE_NOT_FOUND, read.error().code());
    }

    @Test
    void buildingAChain() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        ChainVerdict verdict = api.stores().chainVerdict(LM_MY, WineAnswers.sha1(CERTIFICATES.leaf), at);
        assertNull(verdict.error());
        assertEquals(0x20, verdict.errorStatus());
        assertEquals(0x100, verdict.infoStatus());
        assertEquals(2, verdict.elements().size());
        assertArrayEquals(CERTIFICATES.leaf, verdict.elements().get(0).encoded());
        assertEquals(0x102, verdict.elements().get(0).infoStatus());
        assertArrayEquals(CERTIFICATES.root, verdict.elements().get(1).encoded());
        assertEquals(0x20, verdict.elements().get(1).errorStatus());
        assertEquals(0x10C, verdict.elements().get(1).infoStatus());
        assertEquals(List.of(
                "CertOpenStore(10, 0, 0, 0x2c000, L\"MY\")",
                // X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, CERT_FIND_SHA1_HASH, a 20-byte CRYPT_HASH_BLOB.
                "CertFindCertificateInStore(0x5701, 0x10001, 0, 0x10000, {20 bytes}, null)",
                // HCCE_LOCAL_MACHINE, the FILETIME of the instant, a CERT_CHAIN_PARA announcing its own size and
                // no usage, DISABLE_AIA | DISABLE_AUTH_ROOT_AUTO_UPDATE | CACHE_ONLY_URL_RETRIEVAL.
                "CertGetCertificateChain(1, leaf, filetime " + JnaStoresAndKeys.fileTime(at)
                        + ", (nil), {cbSize 32, usage type 0, 0 usages}, 0x2104, (nil))",
                "CertFreeCertificateChain(chain)",
                "CertFreeCertificateContext(context)",
                "CertCloseStore(0x5701, 0)"), log());
    }

    @Test
    void buildingAChainThatChecksRevocationAsksTheEngineToFetch() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        ChainVerdict verdict = api.stores().chainVerdict(LM_MY, WineAnswers.sha1(CERTIFICATES.leaf), at, true);
        assertNull(verdict.error());
        assertEquals(List.of(
                "CertOpenStore(10, 0, 0, 0x2c000, L\"MY\")",
                "CertFindCertificateInStore(0x5701, 0x10001, 0, 0x10000, {20 bytes}, null)",
                // DISABLE_AIA | DISABLE_AUTH_ROOT_AUTO_UPDATE | REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT, and no
                // CACHE_ONLY_URL_RETRIEVAL, which would leave every uncached CRL offline.
                "CertGetCertificateChain(1, leaf, filetime " + JnaStoresAndKeys.fileTime(at)
                        + ", (nil), {cbSize 32, usage type 0, 0 usages}, 0x40002100, (nil))",
                "CertFreeCertificateChain(chain)",
                "CertFreeCertificateContext(context)",
                "CertCloseStore(0x5701, 0)"), log());
    }

    @Test
    void openingAPrivateKey() {
        KeyOpenResult result = api.stores().openPrivateKey(LM_MY, WineAnswers.sha1(CERTIFICATES.leaf));
        assertNull(result.error());
        assertEquals(WindowsConstants.CERT_NCRYPT_KEY_SPEC, result.keySpec());
        assertEquals(List.of(
                "CertOpenStore(10, 0, 0, 0x2c000, L\"MY\")",
                "CertFindCertificateInStore(0x5701, 0x10001, 0, 0x10000, {20 bytes}, null)",
                // CRYPT_ACQUIRE_SILENT_FLAG | CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG; the CNG handle freed by NCrypt.
                "CryptAcquireCertificatePrivateKey(leaf, 0x10044, (nil))",
                "NCryptFreeObject(0x4b01)",
                "CertFreeCertificateContext(context)",
                "CertCloseStore(0x5701, 0)"), log());
    }

    @Test
    void aCngKeysFileName() {
        UniqueKeyName name = api.stores().uniqueKeyName(new KeyProviderInfo("{c0ffee}-cl\u00e9",
                WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, WindowsConstants.CRYPT_MACHINE_KEYSET,
                WindowsConstants.CERT_NCRYPT_KEY_SPEC));
        assertEquals("8f1e2d_0b5c-4d2a", name.name());
        assertEquals(List.of(
                "NCryptOpenStorageProvider(L\"Microsoft Software Key Storage Provider\", 0x0)",
                // The handle from the provider comes back in; the non-ASCII name arrives as characters.
                "NCryptOpenKey(0x4e01, L\"{c0ffee}-cl\\u{e9}\", 0, 0x60)",
                "NCryptGetProperty(0x4e02, L\"Unique Name\", null, 0, 0x0)",
                "NCryptGetProperty(0x4e02, L\"Unique Name\", buffer, 34, 0x0)",
                "NCryptFreeObject(0x4e02)",
                "NCryptFreeObject(0x4e01)"), log());
    }

    @Test
    void aCapiKeysFileName() {
        UniqueKeyName name = api.stores().uniqueKeyName(new KeyProviderInfo("le-conteneur",
                "Microsoft Enhanced RSA and AES Cryptographic Provider", 24, WindowsConstants.CRYPT_MACHINE_KEYSET,
                WindowsConstants.AT_KEYEXCHANGE));
        assertEquals("c0ffee1234_8f1e2d", name.name());
        assertEquals(List.of(
                "CryptAcquireContextW(L\"le-conteneur\", L\"Microsoft Enhanced RSA and AES Cryptographic Provider\","
                        + " 24, 0x60)",
                "CryptGetProvParam(0x4301, 36, null, 0, 0x0)",
                "CryptGetProvParam(0x4301, 36, buffer, 18, 0x0)",
                "CryptReleaseContext(0x4301, 0x0)"), log());
    }

    @Test
    void aServicesConfiguration() {
        ServiceConfigRead config = api.accounts().serviceConfig("BEMS");
        assertNull(config.error());
        assertEquals("CONTOSO\\svc-bems", config.startName());
        assertEquals("BlackBerry Enterprise Mobility Server \u2013 Presence", config.displayName());
        assertEquals(WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED, config.serviceSidType());
        List<String> log = log();
        assertEquals("OpenSCManagerW(null, null, 0x1)", log.get(0));
        assertEquals("OpenServiceW(0x5c01, L\"BEMS\", 0x1)", log.get(1));
        assertEquals("QueryServiceConfigW(0x5c02, null, 0)", log.get(2));
        assertEquals("QueryServiceConfigW(0x5c02, buffer, 234)", log.get(3));
        assertEquals("QueryServiceConfig2W(0x5c02, 5, null, 0)", log.get(4));
        assertEquals("QueryServiceConfig2W(0x5c02, 5, buffer, 4)", log.get(5));
    }

    @Test
    void aServiceThatDoesNotExistReportsTheNativeError() {
        ServiceConfigRead config = api.accounts().serviceConfig("absent");
        assertEquals(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST, config.error().code());
    }

    @Test
    void aFilesSecurityDescriptor() {
        SecurityDescriptorRead read = api.accessChecks().securityDescriptor(SecuredObject.file("C:\\ProgramData\\Microsoft\\x"));
        assertNull(read.error());
        assertEquals(32, read.selfRelative().length);
        assertEquals("O:SY", read.sddl());
        assertEquals(List.of(
                // SE_FILE_OBJECT; OWNER | GROUP | DACL; only the descriptor is asked for.
                "GetNamedSecurityInfoW(L\"C:\\ProgramData\\Microsoft\\x\", 1, 0x7, null, null, null, null, out)",
                "GetSecurityDescriptorLength(descriptor)",
                "ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor, 1, 0x7, out, null)",
                "LocalFree(memory)",
                "LocalFree(memory)"), log());
    }

    @Test
    void anAccessCheckWithExtraGroups() {
        AccessCheckResult result = api.accessChecks().effectiveAccess(Sid.NETWORK_SERVICE, true, List.of(Sid.EVERYONE, Sid.SERVICE),
                new byte[] {1, 0, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertNull(result.error());
        assertEquals(0x120089, result.grantedAccess());
        assertEquals(List.of(
                "AuthzInitializeResourceManager(0x1, (nil), (nil), (nil), null)",
                // AUTHZ_SKIP_TOKEN_GROUPS, the SID's binary form, no expiry, the LUID {0, 0} by value.
                "AuthzInitializeContextFromSid(0x2, S-1-5-20, 0xa201, (nil), {0, 0}, (nil))",
                // SE_GROUP_MANDATORY | ENABLED_BY_DEFAULT | ENABLED on each, as an array of SID_AND_ATTRIBUTES.
                "AuthzAddSidsToContext(0xa202, [S-1-1-0/0x7 S-1-5-6/0x7], 2, (nil), 0)",
                // MAXIMUM_ALLOWED in the request structure; one result slot in the reply structure.
                "AuthzAccessCheck(0x0, 0xa203, {desired 0x2000000, self (nil), 0 types}, (nil), descriptor revision 1,"
                        + " (nil), 0, {1 results}, (nil))",
                "AuthzFreeContext(0xa203)",
                "AuthzFreeContext(0xa202)",
                "AuthzFreeResourceManager(0xa201)"), log());
    }
}
