package io.certaudit.agent.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Windows described by maps, for testing everything above the native boundary on any OS. Whatever a test does
 * not set answers as Windows would for something absent: stores, files and services do not exist, keys have no
 * container, accounts do not resolve.
 *
 * <p>Its access check applies the MAXIMUM_ALLOWED algorithm of AccessCheck to the descriptor it is given:
 * ACEs in order, inherit-only ones skipped, a right denied before it is allowed stays denied. The descriptor is
 * used as received, so a generic right the caller failed to map grants nothing specific, as with Authz.
 */
public final class FakeWindowsCertificateApi
        implements StoresAndKeys, AccessChecks, AccountsAndServices, HostEnvironment {

    static final NativeError FILE_NOT_FOUND = new NativeError(WindowsConstants.ERROR_FILE_NOT_FOUND,
            "The system cannot find the file specified.");
    static final NativeError ACCESS_DENIED = new NativeError(WindowsConstants.ERROR_ACCESS_DENIED,
            "Access is denied.");
    static final NativeError BAD_KEYSET = new NativeError(WindowsConstants.NTE_BAD_KEYSET, "Keyset does not exist");
    static final NativeError NO_KEY_PROPERTY = new NativeError(WindowsConstants.CRYPT_E_NO_KEY_PROPERTY,
            "Cannot find the certificate and private key for decryption.");

    final Map<StoreRef, StoreRead> stores = new HashMap<>();
    final Map<String, KeyOpenResult> keyOpens = new HashMap<>();
    final Map<String, UniqueKeyName> uniqueNames = new HashMap<>();
    final Map<String, SecurityDescriptorRead> descriptors = new HashMap<>();
    final Map<String, ChainVerdict> chains = new HashMap<>();
    final Map<String, ServiceConfigRead> services = new HashMap<>();
    final Map<String, String> sidsByName = new HashMap<>();
    final Map<String, String> namesBySid = new HashMap<>();
    final Set<String> files = new HashSet<>();
    NativeError accessCheckFailure;
    /** Fails only the checks that ask Authz to compute the account's groups (an S4U logon). */
    NativeError groupComputationFailure;
    String computerName = "BEMS01";
    AgentIdentity agent = new AgentIdentity("BEMS01\\auditor", "S-1-5-21-1-2-3-500", true);

    /** What the last access check was asked. */
    String lastCheckedSid;
    boolean lastSkipTokenGroups;
    List<String> lastGroups = List.of();
    final List<String> keyOpenRequests = new ArrayList<>();
    /** Each chain asked for, by thumbprint, and whether the engine was asked to check revocation. */
    final List<String> chainRequests = new ArrayList<>();

    FakeWindowsCertificateApi() {
        account("Everyone", Sid.EVERYONE);
        account("NT AUTHORITY\\SYSTEM", Sid.LOCAL_SYSTEM);
        account("BUILTIN\\Administrators", Sid.ADMINISTRATORS);
        account("BUILTIN\\Users", Sid.USERS);
        account("NT AUTHORITY\\SERVICE", Sid.SERVICE);
        account("NT AUTHORITY\\Authenticated Users", Sid.AUTHENTICATED_USERS);
    }

    /**
     * A machine whose LocalMachine stores hold {@code personal} in MY (without a private key), {@code intermediate}
     * in CA and {@code root} in ROOT, each in its .Default physical store, named {@code computerName}: enough for the
     * live source to read, for tests of what runs above it.
     */
    public static WindowsCertificateApi machine(String computerName, byte[] personal, byte[] intermediate,
                                                byte[] root) {
        return fakeMachine(computerName, personal, intermediate, root).windows();
    }

    /** As {@link #machine}, the fake itself, for a test that sets the chain engine's verdict or reads the requests. */
    public static FakeWindowsCertificateApi fakeMachine(String computerName, byte[] personal, byte[] intermediate,
                                                        byte[] root) {
        FakeWindowsCertificateApi api = new FakeWindowsCertificateApi();
        api.computerName = computerName;
        String[][] stores = {{"MY"}, {"CA"}, {"ROOT"}};
        byte[][] certificates = {personal, intermediate, root};
        for (int i = 0; i < stores.length; i++) {
            api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, stores[i][0]), certificates[i]);
            api.store(StoreRef.registry(StoreLocation.LOCAL_MACHINE, stores[i][0]), certificates[i]);
        }
        api.store(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "DISALLOWED"));
        return api;
    }

    /** The chain engine answers {@code verdict} for the certificate with this thumbprint. */
    public FakeWindowsCertificateApi chainVerdict(String thumbprint, ChainVerdict verdict) {
        chains.put(thumbprint, verdict);
        return this;
    }

    /** Each chain asked for: the thumbprint, then "checking revocation" or "without revocation". */
    public List<String> chainRequests() {
        return List.copyOf(chainRequests);
    }

    /** This fake as the whole Windows API: every subsystem answers from the same maps. */
    public WindowsCertificateApi windows() {
        return new WindowsCertificateApi(this, this, this, this);
    }

    FakeWindowsCertificateApi account(String name, String sid) {
        sidsByName.put(name.toLowerCase(Locale.ROOT), sid);
        namesBySid.put(sid, name);
        return this;
    }

    FakeWindowsCertificateApi store(StoreRef store, byte[]... certificates) {
        List<StoreEntry> entries = new ArrayList<>();
        for (byte[] certificate : certificates) {
            entries.add(new StoreEntry(certificate, null, null));
        }
        stores.put(store, StoreRead.of(store, entries));
        return this;
    }

    /**
     * A store of one certificate carrying CERT_ENHKEY_USAGE_PROP_ID with these bytes, as CertGetCertificateContextProperty
     * returns them (the DER encoding of CERT_ENHKEY_USAGE).
     */
    FakeWindowsCertificateApi storeWithUsageProperty(StoreRef store, byte[] certificate, byte[] enhancedKeyUsage) {
        return store(store, List.of(new StoreEntry(certificate, null, null, List.of(), enhancedKeyUsage)));
    }

    FakeWindowsCertificateApi store(StoreRef store, List<StoreEntry> entries) {
        stores.put(store, StoreRead.of(store, entries));
        return this;
    }

    FakeWindowsCertificateApi failingStore(StoreRef store, NativeError error) {
        stores.put(store, StoreRead.failed(store, error));
        return this;
    }

    FakeWindowsCertificateApi descriptor(String object, byte[] selfRelative) {
        descriptors.put(object, SecurityDescriptorRead.of(selfRelative, "O:BAG:SYD:(sddl of " + object + ")"));
        return this;
    }

    @Override
    public StoreRead readStore(StoreRef store) {
        return stores.getOrDefault(store, StoreRead.failed(store, FILE_NOT_FOUND));
    }

    @Override
    public KeyOpenResult openPrivateKey(StoreRef store, String thumbprint) {
        keyOpenRequests.add(store.describe() + "\\" + thumbprint);
        return keyOpens.getOrDefault(thumbprint, KeyOpenResult.failed(NO_KEY_PROPERTY));
    }

    @Override
    public UniqueKeyName uniqueKeyName(KeyProviderInfo key) {
        return uniqueNames.getOrDefault(key.container(), UniqueKeyName.failed(BAD_KEYSET));
    }

    @Override
    public SecurityDescriptorRead securityDescriptor(SecuredObject object) {
        return descriptors.getOrDefault(object.name(), SecurityDescriptorRead.failed(FILE_NOT_FOUND));
    }

    @Override
    public ChainVerdict chainVerdict(StoreRef store, String thumbprint, Instant at, boolean checkRevocation) {
        chainRequests.add(thumbprint + (checkRevocation ? " checking revocation" : " without revocation"));
        return chains.getOrDefault(thumbprint, ChainVerdict.failed(new NativeError(WindowsConstants.CRYPT_E_NOT_FOUND,
                "Cannot find object or property.")));
    }

    @Override
    public ServiceConfigRead serviceConfig(String serviceName) {
        return services.getOrDefault(serviceName, ServiceConfigRead.failed(serviceName,
                new NativeError(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST,
                        "The specified service does not exist as an installed service.")));
    }

    @Override
    public AccountLookup lookupAccount(String accountName) {
        String sid = sidsByName.get(accountName.toLowerCase(Locale.ROOT));
        return sid == null
                ? AccountLookup.failed(new NativeError(WindowsConstants.ERROR_NONE_MAPPED,
                "No mapping between account names and security IDs was done."))
                : AccountLookup.of(sid, namesBySid.get(sid));
    }

    @Override
    public String accountName(String sid) {
        return namesBySid.get(sid);
    }

    @Override
    public AccessCheckResult effectiveAccess(String accountSid, boolean skipTokenGroups, List<String> groupSids,
                                             byte[] securityDescriptor) {
        lastCheckedSid = accountSid;
        lastSkipTokenGroups = skipTokenGroups;
        lastGroups = List.copyOf(groupSids);
        if (accessCheckFailure != null) {
            return AccessCheckResult.failed(accessCheckFailure);
        }
        if (groupComputationFailure != null && !skipTokenGroups) {
            return AccessCheckResult.failed(groupComputationFailure);
        }
        SecurityDescriptor descriptor = SecurityDescriptor.parse(securityDescriptor);
        if (descriptor.nullDacl()) {
            return AccessCheckResult.granted(0x1FFFFFFF);
        }
        Set<String> principals = new LinkedHashSet<>(groupSids);
        principals.add(accountSid);
        int granted = 0;
        int denied = 0;
        for (SecurityDescriptor.Ace ace : descriptor.dacl()) {
            if (ace.inheritOnly() || !principals.contains(ace.sid())) {
                continue;
            }
            if (ace.denies()) {
                denied |= ace.mask() & ~granted;
            } else if (ace.allows()) {
                granted |= ace.mask() & ~denied;
            }
        }
        return AccessCheckResult.granted(granted);
    }

    @Override
    public AgentIdentity agent() {
        return agent;
    }

    @Override
    public HostFolders folders() {
        return new HostFolders("C:\\ProgramData", "C:\\Windows");
    }

    @Override
    public boolean fileExists(String path) {
        return files.contains(path);
    }

    @Override
    public String computerName() {
        return computerName;
    }
}
