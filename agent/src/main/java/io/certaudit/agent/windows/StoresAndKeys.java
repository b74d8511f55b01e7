package io.certaudit.agent.windows;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the live source asks of CryptoAPI and CNG: the certificate stores, the private keys behind their certificates
 * and the chain engine's verdict.
 * Each call opens what it needs, copies the answer out and frees every handle before returning; nothing native crosses
 * this interface. A failure is an answer too ({@link NativeError}), never an exception, so the logic above can tell a
 * missing store from a denied one. The JNA implementation is in {@code windows.jna}; tests on any OS use a fake.
 */
public interface StoresAndKeys {

    /** Opens {@code store} read-only (never creating it) and copies out every certificate with its properties. */
    StoreRead readStore(StoreRef store);

    /**
     * Opens the private key of the certificate with this SHA-1 thumbprint in {@code store}, the way a service
     * would (CryptAcquireCertificatePrivateKey, silent, CNG allowed, not cached), comparing it with the
     * certificate's public key (CRYPT_ACQUIRE_COMPARE_KEY_FLAG: NTE_BAD_PUBLIC_KEY when it is another key), and
     * closes it again. The key is never exported or used.
     */
    KeyOpenResult openPrivateKey(StoreRef store, String thumbprint);

    /** The key container's unique name, which is its file name: PP_UNIQUE_CONTAINER (CAPI) or "Unique Name" (CNG). */
    UniqueKeyName uniqueKeyName(KeyProviderInfo key);

    /** The Windows chain engine's verdict on the certificate, local machine engine, no network retrieval. */
    default ChainVerdict chainVerdict(StoreRef store, String thumbprint, Instant at) {
        return chainVerdict(store, thumbprint, at, false);
    }

    /**
     * The Windows chain engine's verdict on the certificate, local machine engine. With {@code checkRevocation} the
     * engine also checks the revocation of every certificate but the root, fetching the CRLs and OCSP answers it
     * has not cached; without it nothing is fetched over the network.
     */
    ChainVerdict chainVerdict(StoreRef store, String thumbprint, Instant at, boolean checkRevocation);

    // ---------------------------------------------------------------------------------------------------------
    // The values that cross the interface.
    // ---------------------------------------------------------------------------------------------------------

    /** Where a system store lives (the {@code CERT_SYSTEM_STORE_*} location of CertOpenStore). */
    enum StoreLocation {
        LOCAL_MACHINE("LocalMachine", WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE),
        LOCAL_MACHINE_GROUP_POLICY("LocalMachineGroupPolicy",
                WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY),
        LOCAL_MACHINE_ENTERPRISE("LocalMachineEnterprise",
                WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE),
        CURRENT_USER("CurrentUser", WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER),
        /** Another account's stores, named {@code SID\MY}; present only while its profile is loaded. */
        USERS("Users", WindowsConstants.CERT_SYSTEM_STORE_USERS),
        /** A service's own stores, named {@code service\MY}. */
        SERVICES("Services", WindowsConstants.CERT_SYSTEM_STORE_SERVICES);

        private final String displayName;
        private final int flag;

        StoreLocation(String displayName, int flag) {
            this.displayName = displayName;
            this.flag = flag;
        }

        public String displayName() {
            return displayName;
        }

        /** The location flag for CertOpenStore. */
        public int flag() {
            return flag;
        }
    }

    /**
     * A store to open: the logical system store (a collection of its physical stores, what a service opens) or
     * one physical registry store alone.
     */
    record StoreRef(StoreLocation location, String name, boolean logical) {
        public StoreRef {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(name, "name");
        }

        public static StoreRef logical(StoreLocation location, String name) {
            return new StoreRef(location, name, true);
        }

        public static StoreRef registry(StoreLocation location, String name) {
            return new StoreRef(location, name, false);
        }

        /** {@code LocalMachine\MY}. */
        public String describe() {
            return location.displayName() + "\\" + name;
        }
    }

    /**
     * The certificates of one store, or why it could not be opened.
     *
     * @param error            why the store could not be opened, or {@code null}
     * @param enumerationError why enumerating it stopped before its end (anything but CRYPT_E_NOT_FOUND or
     *                         ERROR_NO_MORE_FILES), or {@code null}: {@code entries} are then only those before
     */
    record StoreRead(StoreRef store, List<StoreEntry> entries, NativeError error, NativeError enumerationError) {
        public StoreRead {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }

        public StoreRead(StoreRef store, List<StoreEntry> entries, NativeError error) {
            this(store, entries, error, null);
        }

        public static StoreRead of(StoreRef store, List<StoreEntry> entries) {
            return new StoreRead(store, entries, null, null);
        }

        public static StoreRead failed(StoreRef store, NativeError error) {
            return new StoreRead(store, List.of(), Objects.requireNonNull(error, "error"), null);
        }

        /** The store opened, but enumerating it failed after {@code entries}. */
        public static StoreRead partial(StoreRef store, List<StoreEntry> entries, NativeError enumerationError) {
            return new StoreRead(store, entries, null, Objects.requireNonNull(enumerationError, "enumerationError"));
        }

        /** Whether the store is absent: CertOpenStore with OPEN_EXISTING answers one of two codes for that. */
        public boolean absent() {
            return error != null && (error.code() == WindowsConstants.ERROR_FILE_NOT_FOUND
                    || error.code() == WindowsConstants.CRYPT_E_NOT_FOUND);
        }
    }

    /**
     * One certificate as copied out of a store.
     *
     * @param encoded      the DER encoding
     * @param friendlyName CERT_FRIENDLY_NAME_PROP_ID, or {@code null}
     * @param keyProvider  CERT_KEY_PROV_INFO_PROP_ID, or {@code null} when the certificate has none or it could
     *                     not be read (then {@code propertyProblems} says so)
     * @param propertyProblems properties that could not be read; the rest of the entry was
     * @param enhancedKeyUsage CERT_ENHKEY_USAGE_PROP_ID as the store returned it (the DER encoding of
     *                     CERT_ENHKEY_USAGE, undecoded), or {@code null} when the certificate does not have it
     *                     (CRYPT_E_NOT_FOUND: the store does not restrict its purposes) or it could not be read
     */
    record StoreEntry(byte[] encoded, String friendlyName, KeyProviderInfo keyProvider,
                      List<PropertyProblem> propertyProblems, byte[] enhancedKeyUsage) {
        public StoreEntry {
            encoded = Objects.requireNonNull(encoded, "encoded").clone();
            propertyProblems = propertyProblems == null ? List.of() : List.copyOf(propertyProblems);
            enhancedKeyUsage = enhancedKeyUsage == null ? null : enhancedKeyUsage.clone();
        }

        public StoreEntry(byte[] encoded, String friendlyName, KeyProviderInfo keyProvider,
                          List<PropertyProblem> propertyProblems) {
            this(encoded, friendlyName, keyProvider, propertyProblems, null);
        }

        public StoreEntry(byte[] encoded, String friendlyName, KeyProviderInfo keyProvider) {
            this(encoded, friendlyName, keyProvider, List.of(), null);
        }

        /** Why the key provider information could not be read, or {@code null} when it could (or is absent). */
        public PropertyProblem keyProviderProblem() {
            return propertyProblems.stream()
                    .filter(p -> p.propertyId() == WindowsConstants.CERT_KEY_PROV_INFO_PROP_ID)
                    .findFirst().orElse(null);
        }

        @Override
        public byte[] encoded() {
            return encoded.clone();
        }

        @Override
        public byte[] enhancedKeyUsage() {
            return enhancedKeyUsage == null ? null : enhancedKeyUsage.clone();
        }
    }

    /** A certificate property that could not be read, by its CERT_*_PROP_ID, and why. */
    record PropertyProblem(int propertyId, String problem) {
        public PropertyProblem {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** CRYPT_KEY_PROV_INFO: where the certificate says its private key is. */
    record KeyProviderInfo(String container, String provider, int providerType, int flags, int keySpec) {

        /** A provider type of zero names a CNG key storage provider, otherwise a CAPI CSP type. */
        public boolean cng() {
            return providerType == 0;
        }

        /** CRYPT_MACHINE_KEYSET / NCRYPT_MACHINE_KEY_FLAG: the machine's key set, which a service can use. */
        public boolean machineKeyset() {
            return (flags & WindowsConstants.CRYPT_MACHINE_KEYSET) != 0;
        }
    }

    /**
     * The outcome of opening a certificate's private key.
     *
     * @param error   {@code null} when the key opened
     * @param keySpec as CryptAcquireCertificatePrivateKey returned it: CERT_NCRYPT_KEY_SPEC for a CNG key
     */
    record KeyOpenResult(NativeError error, int keySpec) {
        public static KeyOpenResult opened(int keySpec) {
            return new KeyOpenResult(null, keySpec);
        }

        public static KeyOpenResult failed(NativeError error) {
            return new KeyOpenResult(Objects.requireNonNull(error, "error"), 0);
        }

        public boolean opened() {
            return error == null;
        }

        /** Whether the key that opened is a CNG key. */
        public boolean openedAsCng() {
            return opened() && keySpec == WindowsConstants.CERT_NCRYPT_KEY_SPEC;
        }
    }

    /** A key container's unique (file) name, or why it could not be read. */
    record UniqueKeyName(String name, NativeError error) {
        public static UniqueKeyName of(String name) {
            return new UniqueKeyName(Objects.requireNonNull(name, "name"), null);
        }

        public static UniqueKeyName failed(NativeError error) {
            return new UniqueKeyName(null, Objects.requireNonNull(error, "error"));
        }
    }

    /**
     * The chain engine's verdict: the chain context's trust status and its elements, end certificate first.
     *
     * @param error {@code null} when a chain was built (whatever its trust status)
     */
    record ChainVerdict(int errorStatus, int infoStatus, List<ChainElement> elements, NativeError error) {
        public ChainVerdict {
            elements = elements == null ? List.of() : List.copyOf(elements);
        }

        public static ChainVerdict built(int errorStatus, int infoStatus, List<ChainElement> elements) {
            return new ChainVerdict(errorStatus, infoStatus, elements, null);
        }

        public static ChainVerdict failed(NativeError error) {
            return new ChainVerdict(0, 0, List.of(), Objects.requireNonNull(error, "error"));
        }
    }

    /** One element of a chain the engine built: the certificate and its own trust status. */
    record ChainElement(byte[] encoded, int errorStatus, int infoStatus) {
        public ChainElement {
            encoded = Objects.requireNonNull(encoded, "encoded").clone();
        }

        @Override
        public byte[] encoded() {
            return encoded.clone();
        }
    }
}
