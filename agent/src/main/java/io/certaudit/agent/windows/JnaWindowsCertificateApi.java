package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL;
import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_DISABLE_AIA;
import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE;
import static io.certaudit.agent.windows.WindowsConstants.CERT_FIND_SHA1_HASH;
import static io.certaudit.agent.windows.WindowsConstants.CERT_ENHKEY_USAGE_PROP_ID;
import static io.certaudit.agent.windows.WindowsConstants.CERT_FRIENDLY_NAME_PROP_ID;
import static io.certaudit.agent.windows.WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID;
import static io.certaudit.agent.windows.WindowsConstants.CERT_NCRYPT_KEY_SPEC;
import static io.certaudit.agent.windows.WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.CERT_STORE_PROV_SYSTEM_REGISTRY_W;
import static io.certaudit.agent.windows.WindowsConstants.CERT_STORE_PROV_SYSTEM_W;
import static io.certaudit.agent.windows.WindowsConstants.CERT_STORE_READONLY_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_ACQUIRE_COMPARE_KEY_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_ACQUIRE_SILENT_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_E_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_MACHINE_KEYSET;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_SILENT;
import static io.certaudit.agent.windows.WindowsConstants.DACL_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_NO_MORE_FILES;
import static io.certaudit.agent.windows.WindowsConstants.GROUP_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.HCCE_LOCAL_MACHINE;
import static io.certaudit.agent.windows.WindowsConstants.MAXIMUM_ALLOWED;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_MACHINE_KEY_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_SILENT_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_UNIQUE_NAME_PROPERTY;
import static io.certaudit.agent.windows.WindowsConstants.OWNER_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.PKCS_7_ASN_ENCODING;
import static io.certaudit.agent.windows.WindowsConstants.PP_UNIQUE_CONTAINER;
import static io.certaudit.agent.windows.WindowsConstants.SC_MANAGER_CONNECT;
import static io.certaudit.agent.windows.WindowsConstants.SDDL_REVISION_1;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_CONFIG_SERVICE_SID_INFO;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_QUERY_CONFIG;
import static io.certaudit.agent.windows.WindowsConstants.SE_FILE_OBJECT;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_ENABLED;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_ENABLED_BY_DEFAULT;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_MANDATORY;
import static io.certaudit.agent.windows.WindowsConstants.SE_REGISTRY_KEY;
import static io.certaudit.agent.windows.WindowsConstants.SidTypeDeletedAccount;
import static io.certaudit.agent.windows.WindowsConstants.SidTypeUnknown;
import static io.certaudit.agent.windows.WindowsConstants.X509_ASN_ENCODING;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.bouncycastle.util.encoders.Hex;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.W32APIOptions;

import io.certaudit.agent.windows.WindowsStructures.AuthzAccessReply;
import io.certaudit.agent.windows.WindowsStructures.AuthzAccessRequest;
import io.certaudit.agent.windows.WindowsStructures.CertChainContext;
import io.certaudit.agent.windows.WindowsStructures.CertChainElement;
import io.certaudit.agent.windows.WindowsStructures.CertChainPara;
import io.certaudit.agent.windows.WindowsStructures.CertContext;
import io.certaudit.agent.windows.WindowsStructures.CertSimpleChain;
import io.certaudit.agent.windows.WindowsStructures.CryptDataBlob;
import io.certaudit.agent.windows.WindowsStructures.CryptKeyProvInfo;
import io.certaudit.agent.windows.WindowsStructures.QueryServiceConfig;
import io.certaudit.agent.windows.WindowsStructures.ServiceSidInfo;
import io.certaudit.agent.windows.WindowsStructures.SidAndAttributes;

/**
 * {@link WindowsCertificateApi} through CryptoAPI, CNG, Authz and the service control manager. Thin on purpose:
 * each method opens, copies out and frees, in {@code finally}, everything it opened; the judgement lives above.
 * Errors are read with {@link Native#getLastError()} straight after the call that failed.
 */
public final class JnaWindowsCertificateApi implements WindowsCertificateApi {

    private static final int ENCODING = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;
    private static final int SECURITY_INFO =
            OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    /** The longest certificate property fetched (see {@link #property(Pointer, int, BiFunction, Object)}). */
    static final int MAX_PROPERTY_BYTES = 64 * 1024;
    /** 100-nanosecond intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private final Crypt32Ext crypt32;
    private final Advapi32Ext advapi32;
    private final NCrypt ncrypt;
    private final Authz authz;
    private final Kernel32Ext kernel32;
    private final IntFunction<String> messages;

    /** The API over this machine's DLLs. */
    public JnaWindowsCertificateApi() {
        this(load("crypt32", Crypt32Ext.class), load("advapi32", Advapi32Ext.class), load("ncrypt", NCrypt.class),
                load("authz", Authz.class), load("kernel32", Kernel32Ext.class), JnaWindowsCertificateApi::systemMessage);
    }

    /** The API over the given bindings, which a test records to check that every handle is freed. */
    JnaWindowsCertificateApi(Crypt32Ext crypt32, Advapi32Ext advapi32, NCrypt ncrypt, Authz authz, Kernel32Ext kernel32,
                             IntFunction<String> messages) {
        this.crypt32 = crypt32;
        this.advapi32 = advapi32;
        this.ncrypt = ncrypt;
        this.authz = authz;
        this.kernel32 = kernel32;
        this.messages = messages;
    }

    @Override
    public StoreRead readStore(StoreRef ref) {
        Pointer store = open(ref);
        if (store == null) {
            return StoreRead.failed(ref, lastError());
        }
        try {
            List<StoreEntry> entries = new ArrayList<>();
            Pointer context = null;
            NativeError failure = null;
            try {
                // CertEnumCertificatesInStore frees the previous context itself; the loop only ever owns one.
                while (true) {
                    context = crypt32.CertEnumCertificatesInStore(store, context);
                    if (context == null) {
                        int code = Native.getLastError();
                        if (!endOfStore(code)) {
                            failure = error(code);
                        }
                        break;
                    }
                    entries.add(entry(context));
                }
            } finally {
                if (context != null) {
                    crypt32.CertFreeCertificateContext(context);
                }
            }
            return failure == null ? StoreRead.of(ref, entries) : StoreRead.partial(ref, entries, failure);
        } finally {
            crypt32.CertCloseStore(store, 0);
        }
    }

    /**
     * Whether the error CertEnumCertificatesInStore left when it returned NULL is the normal end of the store:
     * CRYPT_E_NOT_FOUND or ERROR_NO_MORE_FILES (learn.microsoft.com/windows/win32/api/wincrypt/
     * nf-wincrypt-certenumcertificatesinstore), or no error at all. Anything else cut the store short.
     */
    static boolean endOfStore(int code) {
        return code == CRYPT_E_NOT_FOUND || code == ERROR_NO_MORE_FILES || code == 0;
    }

    @Override
    public KeyOpenResult openPrivateKey(StoreRef ref, String thumbprint) {
        Pointer store = open(ref);
        if (store == null) {
            return KeyOpenResult.failed(lastError());
        }
        try {
            Pointer context = find(store, thumbprint);
            if (context == null) {
                return KeyOpenResult.failed(lastError());
            }
            try {
                PointerByReference key = new PointerByReference();
                IntByReference keySpec = new IntByReference();
                IntByReference callerMustFree = new IntByReference();
                // No CRYPT_ACQUIRE_CACHE_FLAG: the handle is ours to free and nothing stays attached to the context.
                // CRYPT_ACQUIRE_COMPARE_KEY_FLAG: without it the call opens whatever container the property names,
                // whether or not it holds the certificate's key.
                if (!crypt32.CryptAcquireCertificatePrivateKey(context, CRYPT_ACQUIRE_SILENT_FLAG
                                | CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG | CRYPT_ACQUIRE_COMPARE_KEY_FLAG, null, key, keySpec,
                        callerMustFree)) {
                    return KeyOpenResult.failed(lastError());
                }
                if (callerMustFree.getValue() != 0) {
                    releaseKey(key.getValue(), keySpec.getValue());
                }
                return KeyOpenResult.opened(keySpec.getValue());
            } finally {
                crypt32.CertFreeCertificateContext(context);
            }
        } finally {
            crypt32.CertCloseStore(store, 0);
        }
    }

    @Override
    public UniqueKeyName uniqueKeyName(KeyProviderInfo key) {
        return key.cng() ? cngUniqueName(key) : capiUniqueContainer(key);
    }

    private UniqueKeyName capiUniqueContainer(KeyProviderInfo key) {
        PointerByReference provider = new PointerByReference();
        int flags = CRYPT_SILENT | (key.machineKeyset() ? CRYPT_MACHINE_KEYSET : 0);
        if (!advapi32.CryptAcquireContextW(provider, wide(key.container()), wide(key.provider()), key.providerType(),
                flags)) {
            return UniqueKeyName.failed(lastError());
        }
        try {
            IntByReference length = new IntByReference();
            if (!advapi32.CryptGetProvParam(provider.getValue(), PP_UNIQUE_CONTAINER, null, length, 0)) {
                return UniqueKeyName.failed(lastError());
            }
            Memory name = new Memory(length.getValue() + 1L);
            name.clear();
            if (!advapi32.CryptGetProvParam(provider.getValue(), PP_UNIQUE_CONTAINER, name, length, 0)) {
                return UniqueKeyName.failed(lastError());
            }
            // PP_UNIQUE_CONTAINER is a CHAR string: hexadecimal digits, '_' and the machine GUID.
            return UniqueKeyName.of(name.getString(0, StandardCharsets.ISO_8859_1.name()));
        } finally {
            advapi32.CryptReleaseContext(provider.getValue(), 0);
        }
    }

    private UniqueKeyName cngUniqueName(KeyProviderInfo key) {
        PointerByReference provider = new PointerByReference();
        int status = ncrypt.NCryptOpenStorageProvider(provider, wide(key.provider()), 0);
        if (status != 0) {
            return UniqueKeyName.failed(error(status));
        }
        try {
            PointerByReference handle = new PointerByReference();
            int flags = NCRYPT_SILENT_FLAG | (key.machineKeyset() ? NCRYPT_MACHINE_KEY_FLAG : 0);
            int legacyKeySpec = key.keySpec() == CERT_NCRYPT_KEY_SPEC ? 0 : key.keySpec();
            status = ncrypt.NCryptOpenKey(provider.getValue(), handle, wide(key.container()), legacyKeySpec, flags);
            if (status != 0) {
                return UniqueKeyName.failed(error(status));
            }
            try {
                WString property = new WString(NCRYPT_UNIQUE_NAME_PROPERTY);
                IntByReference size = new IntByReference();
                status = ncrypt.NCryptGetProperty(handle.getValue(), property, null, 0, size, 0);
                if (status != 0) {
                    return UniqueKeyName.failed(error(status));
                }
                Memory name = new Memory(size.getValue() + 2L);
                name.clear();
                status = ncrypt.NCryptGetProperty(handle.getValue(), property, name, size.getValue(), size, 0);
                if (status != 0) {
                    return UniqueKeyName.failed(error(status));
                }
                return UniqueKeyName.of(wideString(name));
            } finally {
                ncrypt.NCryptFreeObject(handle.getValue());
            }
        } finally {
            ncrypt.NCryptFreeObject(provider.getValue());
        }
    }

    @Override
    public SecurityDescriptorRead securityDescriptor(SecuredObject object) {
        int type = object.kind() == SecuredObject.Kind.FILE ? SE_FILE_OBJECT : SE_REGISTRY_KEY;
        PointerByReference descriptor = new PointerByReference();
        int status = advapi32.GetNamedSecurityInfoW(new WString(object.name()), type, SECURITY_INFO, null, null,
                null, null, descriptor);
        if (status != 0) {
            return SecurityDescriptorRead.failed(error(status));
        }
        Pointer sd = descriptor.getValue();
        try {
            byte[] selfRelative = sd.getByteArray(0, advapi32.GetSecurityDescriptorLength(sd));
            return SecurityDescriptorRead.of(selfRelative, sddl(sd));
        } finally {
            kernel32.LocalFree(sd);
        }
    }

    private String sddl(Pointer sd) {
        PointerByReference string = new PointerByReference();
        if (!advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, SECURITY_INFO, string,
                null)) {
            return null;
        }
        try {
            return wideString(string.getValue());
        } finally {
            kernel32.LocalFree(string.getValue());
        }
    }

    @Override
    public ChainVerdict chainVerdict(StoreRef ref, String thumbprint, Instant at) {
        Pointer store = open(ref);
        if (store == null) {
            return ChainVerdict.failed(lastError());
        }
        try {
            Pointer context = find(store, thumbprint);
            if (context == null) {
                return ChainVerdict.failed(lastError());
            }
            try {
                return buildChain(context, at);
            } finally {
                crypt32.CertFreeCertificateContext(context);
            }
        } finally {
            crypt32.CertCloseStore(store, 0);
        }
    }

    private ChainVerdict buildChain(Pointer context, Instant at) {
        Memory time = null;
        if (at != null) {
            time = new Memory(8);
            time.setLong(0, fileTime(at));
        }
        PointerByReference chain = new PointerByReference();
        int flags = CERT_CHAIN_DISABLE_AIA | CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE
                | CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL;
        if (!crypt32.CertGetCertificateChain(Pointer.createConstant(HCCE_LOCAL_MACHINE), context, time, null,
                new CertChainPara(), flags, null, chain)) {
            return ChainVerdict.failed(lastError());
        }
        Pointer chainContext = chain.getValue();
        try {
            CertChainContext head = new CertChainContext(chainContext);
            List<ChainElement> elements = new ArrayList<>();
            for (int i = 0; i < head.cChain; i++) {
                CertSimpleChain simple = new CertSimpleChain(head.rgpChain.getPointer((long) i * Native.POINTER_SIZE));
                for (int j = 0; j < simple.cElement; j++) {
                    CertChainElement element =
                            new CertChainElement(simple.rgpElement.getPointer((long) j * Native.POINTER_SIZE));
                    byte[] encoded = new CertContext(element.pCertContext).encoded();
                    elements.add(new ChainElement(encoded, element.TrustStatus.dwErrorStatus,
                            element.TrustStatus.dwInfoStatus));
                }
            }
            return ChainVerdict.built(head.TrustStatus.dwErrorStatus, head.TrustStatus.dwInfoStatus, elements);
        } finally {
            crypt32.CertFreeCertificateChain(chainContext);
        }
    }

    /** An instant as a FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    static long fileTime(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 10_000_000L) + at.getNano() / 100,
                FILETIME_EPOCH_OFFSET);
    }

    @Override
    public ServiceConfigRead serviceConfig(String serviceName) {
        Pointer manager = advapi32.OpenSCManagerW(null, null, SC_MANAGER_CONNECT);
        if (manager == null) {
            return ServiceConfigRead.failed(serviceName, lastError());
        }
        try {
            Pointer service = advapi32.OpenServiceW(manager, new WString(serviceName), SERVICE_QUERY_CONFIG);
            if (service == null) {
                return ServiceConfigRead.failed(serviceName, lastError());
            }
            try {
                IntByReference needed = new IntByReference();
                advapi32.QueryServiceConfigW(service, null, 0, needed);
                if (needed.getValue() == 0) {
                    return ServiceConfigRead.failed(serviceName, lastError());
                }
                Memory buffer = new Memory(needed.getValue());
                String startName;
                String displayName;
                try {
                    if (!advapi32.QueryServiceConfigW(service, buffer, needed.getValue(), needed)) {
                        return ServiceConfigRead.failed(serviceName, lastError());
                    }
                    // The strings are in the same buffer: read them from a copy, bounded by it, while the buffer
                    // is still certainly alive (the structure's pointers alone do not keep it from being freed).
                    QueryServiceConfig config = new QueryServiceConfig(buffer);
                    ReturnedBuffer returned = new ReturnedBuffer(buffer.getByteArray(0, (int) buffer.size()),
                            Pointer.nativeValue(buffer));
                    startName = returned.wideStringAt(config.lpServiceStartName, "lpServiceStartName");
                    displayName = returned.wideStringAt(config.lpDisplayName, "lpDisplayName");
                } catch (ReturnedBuffer.MalformedException e) {
                    return ServiceConfigRead.failed(serviceName,
                            new NativeError(0, "QueryServiceConfigW returned a malformed QUERY_SERVICE_CONFIGW: "
                                    + e.getMessage()));
                } finally {
                    Reference.reachabilityFence(buffer);
                }
                return new ServiceConfigRead(serviceName, startName, displayName, serviceSidType(service), null);
            } finally {
                advapi32.CloseServiceHandle(service);
            }
        } finally {
            advapi32.CloseServiceHandle(manager);
        }
    }

    private int serviceSidType(Pointer service) {
        IntByReference needed = new IntByReference();
        advapi32.QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, null, 0, needed);
        if (needed.getValue() == 0) {
            return -1;
        }
        Memory buffer = new Memory(needed.getValue());
        try {
            if (!advapi32.QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, buffer, needed.getValue(),
                    needed) || buffer.size() < 4) {
                return -1;
            }
            return new ServiceSidInfo(buffer).dwServiceSidType;
        } finally {
            Reference.reachabilityFence(buffer);
        }
    }

    @Override
    public AccountLookup lookupAccount(String accountName) {
        try {
            Advapi32Util.Account account = Advapi32Util.getAccountByName(null, accountName);
            return AccountLookup.of(account.sidString, account.fqn);
        } catch (Win32Exception e) {
            return AccountLookup.failed(error(e.getErrorCode()));
        }
    }

    /**
     * LookupAccountSidW, bound directly: jna-platform's Advapi32Util.getAccountBySid names an orphaned SID
     * "NONE_MAPPED" instead of failing. A SID the call does not map (ERROR_NONE_MAPPED), or maps only to a
     * deleted account or an unknown type, has no name.
     */
    @Override
    public String accountName(String sid) {
        Memory binary = sid(sid);
        try {
            IntByReference nameLength = new IntByReference(0);
            IntByReference domainLength = new IntByReference(0);
            IntByReference use = new IntByReference(0);
            // Asked with no buffers, the call fails with ERROR_INSUFFICIENT_BUFFER and gives both sizes in
            // characters, NULs included; a SID it cannot map leaves them at zero (ERROR_NONE_MAPPED).
            advapi32.LookupAccountSidW(null, binary, null, nameLength, null, domainLength, use);
            if (nameLength.getValue() <= 0) {
                return null;
            }
            Memory name = new Memory(2L * nameLength.getValue());
            Memory domain = new Memory(2L * Math.max(1, domainLength.getValue()));
            name.clear();
            domain.clear();
            try {
                if (!advapi32.LookupAccountSidW(null, binary, name, nameLength, domain, domainLength, use)) {
                    return null;
                }
                if (use.getValue() == SidTypeDeletedAccount || use.getValue() == SidTypeUnknown) {
                    return null;
                }
                String account = ReturnedBuffer.wideString(name.getByteArray(0, (int) name.size()));
                String domainName = ReturnedBuffer.wideString(domain.getByteArray(0, (int) domain.size()));
                return account.isEmpty() ? null : domainName.isEmpty() ? account : domainName + "\\" + account;
            } finally {
                Reference.reachabilityFence(name);
                Reference.reachabilityFence(domain);
            }
        } finally {
            Reference.reachabilityFence(binary);
        }
    }

    @Override
    public AccessCheckResult effectiveAccess(String accountSid, boolean skipTokenGroups, List<String> groupSids,
                                             byte[] securityDescriptor) {
        PointerByReference manager = new PointerByReference();
        if (!authz.AuthzInitializeResourceManager(WindowsConstants.AUTHZ_RM_FLAG_NO_AUDIT, null, null, null, null,
                manager)) {
            return AccessCheckResult.failed(lastError());
        }
        try {
            Memory user = sid(accountSid);
            PointerByReference created = new PointerByReference();
            int flags = skipTokenGroups ? WindowsConstants.AUTHZ_SKIP_TOKEN_GROUPS : 0;
            if (!authz.AuthzInitializeContextFromSid(flags, user, manager.getValue(), null, 0L, null, created)) {
                return AccessCheckResult.failed(lastError());
            }
            Pointer context = created.getValue();
            try {
                if (groupSids.isEmpty()) {
                    return accessCheck(context, securityDescriptor);
                }
                return withGroups(context, groupSids, securityDescriptor);
            } finally {
                authz.AuthzFreeContext(context);
            }
        } finally {
            authz.AuthzFreeResourceManager(manager.getValue());
        }
    }

    private AccessCheckResult withGroups(Pointer context, List<String> groupSids, byte[] securityDescriptor) {
        SidAndAttributes[] groups = (SidAndAttributes[]) new SidAndAttributes().toArray(groupSids.size());
        List<Memory> sids = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            Memory sid = sid(groupSids.get(i));
            sids.add(sid);
            groups[i].Sid = sid;
            groups[i].Attributes = SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_MANDATORY;
            groups[i].write();
        }
        PointerByReference widened = new PointerByReference();
        if (!authz.AuthzAddSidsToContext(context, groups[0].getPointer(), groups.length, null, 0,
                widened)) {
            return AccessCheckResult.failed(lastError());
        }
        try {
            return accessCheck(widened.getValue(), securityDescriptor);
        } finally {
            authz.AuthzFreeContext(widened.getValue());
            // The SID buffers must outlive the call that copied them into the new context.
            Reference.reachabilityFence(sids);
            Reference.reachabilityFence(groups);
        }
    }

    private AccessCheckResult accessCheck(Pointer context, byte[] securityDescriptor) {
        Memory sd = new Memory(securityDescriptor.length);
        sd.write(0, securityDescriptor, 0, securityDescriptor.length);
        AuthzAccessRequest request = new AuthzAccessRequest();
        request.DesiredAccess = MAXIMUM_ALLOWED;
        Memory granted = zeroed();
        Memory saclResults = zeroed();
        Memory errors = zeroed();
        AuthzAccessReply reply = new AuthzAccessReply();
        reply.ResultListLength = 1;
        reply.GrantedAccessMask = granted;
        reply.SaclEvaluationResults = saclResults;
        reply.Error = errors;
        boolean checked = authz.AuthzAccessCheck(0, context, request, null, sd, null, 0, reply, null);
        Reference.reachabilityFence(sd);
        Reference.reachabilityFence(saclResults);
        if (!checked) {
            return AccessCheckResult.failed(lastError());
        }
        int result = errors.getInt(0);
        if (result == ERROR_ACCESS_DENIED) {
            // MAXIMUM_ALLOWED and nothing granted.
            return AccessCheckResult.granted(0);
        }
        if (result != 0) {
            return AccessCheckResult.failed(error(result));
        }
        return AccessCheckResult.granted(granted.getInt(0));
    }

    @Override
    public AgentIdentity agent() {
        String name = null;
        String sid = null;
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token)) {
            try {
                Advapi32Util.Account account = Advapi32Util.getTokenAccount(token.getValue());
                name = account.fqn;
                sid = account.sidString;
            } catch (Win32Exception e) {
                name = null;
            } finally {
                Kernel32.INSTANCE.CloseHandle(token.getValue());
            }
        }
        boolean elevated;
        try {
            elevated = Advapi32Util.isCurrentProcessElevated();
        } catch (Win32Exception e) {
            elevated = false;
        }
        return new AgentIdentity(name, sid, elevated);
    }

    @Override
    public HostFolders folders() {
        return new HostFolders(System.getenv("ProgramData"), System.getenv("SystemRoot"));
    }

    /** True unless the file is known to be absent: a folder the agent may not list must not hide a key file. */
    @Override
    public boolean fileExists(String path) {
        try {
            Path file = Path.of(path);
            return Files.exists(file) || !Files.notExists(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    public String computerName() {
        try {
            return Kernel32Util.getComputerName();
        } catch (Win32Exception e) {
            return "localhost";
        }
    }

    private Pointer open(StoreRef ref) {
        int provider = ref.logical() ? CERT_STORE_PROV_SYSTEM_W : CERT_STORE_PROV_SYSTEM_REGISTRY_W;
        int flags = ref.location().flag() | CERT_STORE_OPEN_EXISTING_FLAG | CERT_STORE_READONLY_FLAG;
        return crypt32.CertOpenStore(Pointer.createConstant(provider), 0, null, flags, new WString(ref.name()));
    }

    /** The context of the certificate with this SHA-1 thumbprint, which the caller frees, or {@code null}. */
    private Pointer find(Pointer store, String thumbprint) {
        byte[] hash = Hex.decode(thumbprint.toLowerCase(Locale.ROOT));
        Memory data = new Memory(hash.length);
        data.write(0, hash, 0, hash.length);
        CryptDataBlob blob = new CryptDataBlob();
        blob.cbData = hash.length;
        blob.pbData = data;
        return crypt32.CertFindCertificateInStore(store, ENCODING, 0, CERT_FIND_SHA1_HASH, blob, null);
    }

    /**
     * One certificate and its properties. A property that cannot be read is recorded on the entry and the rest of
     * the entry (and of the store) is read all the same.
     */
    private StoreEntry entry(Pointer context) {
        byte[] encoded = new CertContext(context).encoded();
        List<PropertyProblem> problems = new ArrayList<>();
        String friendlyName = null;
        KeyProviderInfo key = null;
        try {
            friendlyName = property(context, CERT_FRIENDLY_NAME_PROP_ID,
                    (value, length) -> ReturnedBuffer.wideString(value.getByteArray(0, length)));
        } catch (PropertyException | ReturnedBuffer.MalformedException e) {
            problems.add(new PropertyProblem(CERT_FRIENDLY_NAME_PROP_ID,
                    "the friendly name (CERT_FRIENDLY_NAME_PROP_ID) could not be read: " + e.getMessage()));
        }
        try {
            key = property(context, CERT_KEY_PROV_INFO_PROP_ID, JnaWindowsCertificateApi::keyProviderInfo);
        } catch (PropertyException | ReturnedBuffer.MalformedException e) {
            problems.add(new PropertyProblem(CERT_KEY_PROV_INFO_PROP_ID,
                    "the key provider information (CERT_KEY_PROV_INFO_PROP_ID) could not be read: "
                            + e.getMessage()));
        }
        byte[] enhancedKeyUsage = null;
        try {
            // Read by the length Windows returns: the bytes are the DER encoding of CERT_ENHKEY_USAGE, decoded
            // above this layer exactly as an export's property 9 is. A present but empty property comes back as
            // no bytes, not as absent, so that it is reported rather than taken for "not restricted".
            enhancedKeyUsage = property(context, CERT_ENHKEY_USAGE_PROP_ID,
                    (value, length) -> value.getByteArray(0, length), new byte[0]);
        } catch (PropertyException e) {
            problems.add(new PropertyProblem(CERT_ENHKEY_USAGE_PROP_ID,
                    "the purposes the store allows (CERT_ENHKEY_USAGE_PROP_ID) could not be read: "
                            + e.getMessage()));
        }
        return new StoreEntry(encoded, friendlyName, key, problems, enhancedKeyUsage);
    }

    /** CRYPT_KEY_PROV_INFO from the property's bytes; its strings follow it in the same buffer. */
    private static KeyProviderInfo keyProviderInfo(Memory value, int length) {
        int structureSize = new CryptKeyProvInfo().size();
        if (length < structureSize) {
            throw new ReturnedBuffer.MalformedException(length + " bytes, fewer than a CRYPT_KEY_PROV_INFO ("
                    + structureSize + ")");
        }
        CryptKeyProvInfo info = new CryptKeyProvInfo(value);
        ReturnedBuffer returned = new ReturnedBuffer(value.getByteArray(0, length), Pointer.nativeValue(value));
        return new KeyProviderInfo(returned.wideStringAt(info.pwszContainerName, "pwszContainerName"),
                returned.wideStringAt(info.pwszProvName, "pwszProvName"), info.dwProvType, info.dwFlags,
                info.dwKeySpec);
    }

    /** A property that exists but could not be fetched. */
    private static final class PropertyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PropertyException(String message) {
            super(message);
        }
    }

    /**
     * A certificate property decoded while its buffer is alive, or {@code null} when the certificate does not have
     * it (CRYPT_E_NOT_FOUND). {@code decode} gets the buffer and the number of bytes Windows wrote into it, and
     * must read no further.
     */
    private <T> T property(Pointer context, int propertyId, BiFunction<Memory, Integer, T> decode) {
        return property(context, propertyId, decode, null);
    }

    /**
     * As {@link #property(Pointer, int, BiFunction)}, with {@code whenEmpty} for a property that exists with no
     * bytes. A property longer than {@value #MAX_PROPERTY_BYTES} bytes is not fetched: a store entry's properties
     * are a few hundred bytes, and a user's own store, which the audit also reads, is the user's to fill.
     */
    private <T> T property(Pointer context, int propertyId, BiFunction<Memory, Integer, T> decode, T whenEmpty) {
        IntByReference size = new IntByReference();
        if (!crypt32.CertGetCertificateContextProperty(context, propertyId, null, size)) {
            return absentOrFailed();
        }
        if (size.getValue() == 0) {
            return whenEmpty;
        }
        if (Integer.toUnsignedLong(size.getValue()) > MAX_PROPERTY_BYTES) {
            throw new PropertyException("the store reports " + Integer.toUnsignedLong(size.getValue())
                    + " bytes, more than the " + MAX_PROPERTY_BYTES + " any property of a certificate takes; not read");
        }
        Memory value = new Memory(size.getValue());
        try {
            if (!crypt32.CertGetCertificateContextProperty(context, propertyId, value, size)) {
                return absentOrFailed();
            }
            int length = (int) Math.min(Integer.toUnsignedLong(size.getValue()), value.size());
            return decode.apply(value, length);
        } finally {
            Reference.reachabilityFence(value);
        }
    }

    private <T> T absentOrFailed() {
        int code = Native.getLastError();
        if (code == CRYPT_E_NOT_FOUND) {
            return null;
        }
        throw new PropertyException(error(code).describe());
    }

    private void releaseKey(Pointer key, int keySpec) {
        if (keySpec == CERT_NCRYPT_KEY_SPEC) {
            ncrypt.NCryptFreeObject(key);
        } else {
            advapi32.CryptReleaseContext(key, 0);
        }
    }

    private static Memory sid(String sid) {
        byte[] binary = Sid.toBinary(sid);
        Memory memory = new Memory(binary.length);
        memory.write(0, binary, 0, binary.length);
        return memory;
    }

    private static Memory zeroed() {
        Memory memory = new Memory(4);
        memory.clear();
        return memory;
    }

    private static WString wide(String value) {
        return value == null ? null : new WString(value);
    }

    /**
     * A NUL-terminated UTF-16LE string. WCHAR is 16 bits on Windows, so this does not rely on the JVM's
     * {@code wchar_t} size as {@link Pointer#getWideString} does.
     */
    static String wideString(Pointer pointer) {
        if (pointer == null) {
            return null;
        }
        long units = 0;
        while (pointer.getShort(2 * units) != 0) {
            units++;
        }
        return new String(pointer.getByteArray(0, Math.toIntExact(2 * units)), StandardCharsets.UTF_16LE);
    }

    private NativeError lastError() {
        return error(Native.getLastError());
    }

    private NativeError error(int code) {
        return new NativeError(code, messages.apply(code));
    }

    /**
     * Binds a DLL. The UNICODE options map each function to its W variant where one exists (and BOOL to boolean);
     * functions without A/W variants keep their name.
     */
    static <T extends Library> T load(String dll, Class<T> bindings) {
        return Native.load(dll, bindings, W32APIOptions.UNICODE_OPTIONS);
    }

    /** The system's message for an error code or HRESULT, or {@code null} when it has none. */
    private static String systemMessage(int code) {
        try {
            return Kernel32Util.formatMessage(code);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
