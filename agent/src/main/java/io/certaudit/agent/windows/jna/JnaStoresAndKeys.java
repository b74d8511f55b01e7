package io.certaudit.agent.windows.jna;

import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL;
import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_DISABLE_AIA;
import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE;
import static io.certaudit.agent.windows.WindowsConstants.CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT;
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
import static io.certaudit.agent.windows.WindowsConstants.ERROR_NO_MORE_FILES;
import static io.certaudit.agent.windows.WindowsConstants.HCCE_LOCAL_MACHINE;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_MACHINE_KEY_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_SILENT_FLAG;
import static io.certaudit.agent.windows.WindowsConstants.NCRYPT_UNIQUE_NAME_PROPERTY;
import static io.certaudit.agent.windows.WindowsConstants.PKCS_7_ASN_ENCODING;
import static io.certaudit.agent.windows.WindowsConstants.PP_UNIQUE_CONTAINER;
import static io.certaudit.agent.windows.WindowsConstants.X509_ASN_ENCODING;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.bouncycastle.util.encoders.Hex;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.NativeError;
import io.certaudit.agent.windows.StoresAndKeys;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainElement;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainPara;
import io.certaudit.agent.windows.jna.WindowsStructures.CertContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertSimpleChain;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptKeyProvInfo;

/**
 * {@link StoresAndKeys} through CryptoAPI and CNG. Thin on purpose: each method opens, copies out and frees, in
 * {@code finally}, everything it opened; the judgement lives above. Errors are read with {@link Native#getLastError()}
 * straight after the call that failed.
 */
public final class JnaStoresAndKeys implements StoresAndKeys {

    private static final int ENCODING = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;
    /** The longest certificate property fetched (see {@link #property(Pointer, int, BiFunction, Object)}). */
    public static final int MAX_PROPERTY_BYTES = 64 * 1024;
    /** 100-nanosecond intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private final Crypt32Ext crypt32;
    private final Advapi32Ext advapi32;
    private final NCrypt ncrypt;
    private final NativeErrors errors;

    JnaStoresAndKeys(Crypt32Ext crypt32, Advapi32Ext advapi32, NCrypt ncrypt, NativeErrors errors) {
        this.crypt32 = crypt32;
        this.advapi32 = advapi32;
        this.ncrypt = ncrypt;
        this.errors = errors;
    }

    @Override
    public StoreRead readStore(StoreRef ref) {
        Pointer store = open(ref);
        if (store == null) {
            return StoreRead.failed(ref, errors.last());
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
                            failure = errors.of(code);
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
            return KeyOpenResult.failed(errors.last());
        }
        try {
            Pointer context = find(store, thumbprint);
            if (context == null) {
                return KeyOpenResult.failed(errors.last());
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
                    return KeyOpenResult.failed(errors.last());
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
        if (!advapi32.CryptAcquireContextW(provider, JnaWindows.wide(key.container()), JnaWindows.wide(key.provider()), key.providerType(),
                flags)) {
            return UniqueKeyName.failed(errors.last());
        }
        try {
            IntByReference length = new IntByReference();
            if (!advapi32.CryptGetProvParam(provider.getValue(), PP_UNIQUE_CONTAINER, null, length, 0)) {
                return UniqueKeyName.failed(errors.last());
            }
            Memory name = new Memory(length.getValue() + 1L);
            name.clear();
            if (!advapi32.CryptGetProvParam(provider.getValue(), PP_UNIQUE_CONTAINER, name, length, 0)) {
                return UniqueKeyName.failed(errors.last());
            }
            // PP_UNIQUE_CONTAINER is a CHAR string: hexadecimal digits, '_' and the machine GUID.
            return UniqueKeyName.of(name.getString(0, StandardCharsets.ISO_8859_1.name()));
        } finally {
            advapi32.CryptReleaseContext(provider.getValue(), 0);
        }
    }

    private UniqueKeyName cngUniqueName(KeyProviderInfo key) {
        PointerByReference provider = new PointerByReference();
        int status = ncrypt.NCryptOpenStorageProvider(provider, JnaWindows.wide(key.provider()), 0);
        if (status != 0) {
            return UniqueKeyName.failed(errors.of(status));
        }
        try {
            PointerByReference handle = new PointerByReference();
            int flags = NCRYPT_SILENT_FLAG | (key.machineKeyset() ? NCRYPT_MACHINE_KEY_FLAG : 0);
            int legacyKeySpec = key.keySpec() == CERT_NCRYPT_KEY_SPEC ? 0 : key.keySpec();
            status = ncrypt.NCryptOpenKey(provider.getValue(), handle, JnaWindows.wide(key.container()), legacyKeySpec, flags);
            if (status != 0) {
                return UniqueKeyName.failed(errors.of(status));
            }
            try {
                WString property = new WString(NCRYPT_UNIQUE_NAME_PROPERTY);
                IntByReference size = new IntByReference();
                status = ncrypt.NCryptGetProperty(handle.getValue(), property, null, 0, size, 0);
                if (status != 0) {
                    return UniqueKeyName.failed(errors.of(status));
                }
                Memory name = new Memory(size.getValue() + 2L);
                name.clear();
                status = ncrypt.NCryptGetProperty(handle.getValue(), property, name, size.getValue(), size, 0);
                if (status != 0) {
                    return UniqueKeyName.failed(errors.of(status));
                }
                return UniqueKeyName.of(JnaWindows.wideString(name));
            } finally {
                ncrypt.NCryptFreeObject(handle.getValue());
            }
        } finally {
            ncrypt.NCryptFreeObject(provider.getValue());
        }
    }

    @Override
    public ChainVerdict chainVerdict(StoreRef ref, String thumbprint, Instant at, boolean checkRevocation) {
        Pointer store = open(ref);
        if (store == null) {
            return ChainVerdict.failed(errors.last());
        }
        try {
            Pointer context = find(store, thumbprint);
            if (context == null) {
                return ChainVerdict.failed(errors.last());
            }
            try {
                return buildChain(context, at, checkRevocation);
            } finally {
                crypt32.CertFreeCertificateContext(context);
            }
        } finally {
            crypt32.CertCloseStore(store, 0);
        }
    }

    private ChainVerdict buildChain(Pointer context, Instant at, boolean checkRevocation) {
        Memory time = null;
        if (at != null) {
            time = new Memory(8);
            time.setLong(0, fileTime(at));
        }
        PointerByReference chain = new PointerByReference();
        int flags = chainFlags(checkRevocation);
        if (!crypt32.CertGetCertificateChain(Pointer.createConstant(HCCE_LOCAL_MACHINE), context, time, null,
                new CertChainPara(), flags, null, chain)) {
            return ChainVerdict.failed(errors.last());
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

    /**
     * The CertGetCertificateChain flags: never download a missing issuer (AIA) or a root (Windows Update), so the
     * chain is built from the stores as they are. Asked to check revocation, the engine checks every certificate
     * but the root, as Schannel does; the cache-only flag is then dropped, because with it the engine fetches no CRL
     * or OCSP answer it has not cached and reports every other certificate as offline (CERT_TRUST_IS_OFFLINE_
     * REVOCATION), which would say nothing about the locations the certificates name. Without revocation checking
     * the engine stays cache-only: nothing leaves the host.
     * learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certgetcertificatechain
     */
    public static int chainFlags(boolean checkRevocation) {
        int flags = CERT_CHAIN_DISABLE_AIA | CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE;
        return checkRevocation ? flags | CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT
                : flags | CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL;
    }

    /** An instant as a FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    public static long fileTime(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 10_000_000L) + at.getNano() / 100,
                FILETIME_EPOCH_OFFSET);
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
            key = property(context, CERT_KEY_PROV_INFO_PROP_ID, JnaStoresAndKeys::keyProviderInfo);
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
        throw new PropertyException(errors.of(code).describe());
    }

    private void releaseKey(Pointer key, int keySpec) {
        if (keySpec == CERT_NCRYPT_KEY_SPEC) {
            ncrypt.NCryptFreeObject(key);
        } else {
            advapi32.CryptReleaseContext(key, 0);
        }
    }
}
