package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.StoreEnhancedKeyUsage;
import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.HostEnvironment.AgentIdentity;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.PropertyProblem;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.model.UserStoreRead;
import io.certaudit.model.WindowsVersion;

/**
 * The live source: this machine's LocalMachine MY, CA and ROOT stores, read-only, with the physical store of each
 * certificate, the private key of each Personal certificate (opened, never exported), its key file and ACL, the
 * service account's effective access to key files and store registry keys, the Windows chain engine's verdict on
 * each Personal certificate, and the certificates of user Personal stores (to catch a service certificate
 * imported into the wrong store).
 */
public final class WindowsStoreSource implements HostSource {

    /** Host fact: the account the audit ran as. */
    public static final String FACT_AGENT_ACCOUNT = "agent.account";
    /** Host fact: {@code yes} when the audit ran elevated, as administrator. */
    public static final String FACT_AGENT_ELEVATED = "agent.elevated";
    /** Host fact: the groups the access checks gave the service account. */
    public static final String FACT_SERVICE_ACCOUNT_GROUPS = "serviceAccount.groups";
    /** Host fact: why the service account could not be resolved. */
    public static final String FACT_SERVICE_ACCOUNT_PROBLEM = "serviceAccount.problem";

    /** What the access checks cannot see without the service's running token (the README explains each). */
    static final String NOT_KNOWN_WITHOUT_THE_RUNNING_TOKEN = "not known without the running service's token: its"
            + " logon session SID, the restricting SIDs of a restricted service, group changes since it started,"
            + " and groups only a domain controller that did not answer would add";

    static final String NOT_WINDOWS = "certaudit audit without --source reads this machine's Windows certificate"
            + " stores, and this is not Windows (%s). To audit a Windows host from here, export its stores there"
            + " with reg export (reg export HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\MY my.reg, likewise CA"
            + " and ROOT, and HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates policies.reg) and run:"
            + " certaudit audit --source my.reg --source ca.reg --source root.reg --source policies.reg; or export"
            + " each store's certificates (certutil -store, Export-Certificate) into a folder with MY, CA and ROOT"
            + " subfolders and run: certaudit audit --source FOLDER";

    private static final Map<StoreName, String> REGISTRY_KEYS =
            Map.of(StoreName.MY, "My", StoreName.CA, "CA", StoreName.ROOT, "Root", StoreName.DISALLOWED, "Disallowed",
                    StoreName.CLIENT_AUTH_ISSUER, "ClientAuthIssuer");
    private static final String SYSTEM_CERTIFICATES = "MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\";

    private final WindowsCertificateApi api;
    private final RegistryValues registry;
    private final ServiceAccountSelection selection;
    private final Instant at;
    private final boolean chainChecksRevocation;

    /**
     * A source that reads the stores but not the SCHANNEL settings (they stay unknown, and Client Authentication
     * Issuers unread).
     *
     * @param at the time the Windows chain engine validates at (the audit's {@code --at}), or {@code null} for now
     */
    public WindowsStoreSource(WindowsCertificateApi api, ServiceAccountSelection selection, Instant at) {
        this(api, null, selection, at);
    }

    /**
     * @param registry where the SCHANNEL settings and the Windows version are read, or {@code null} to leave them
     *                 unknown
     * @param at       the time the Windows chain engine validates at (the audit's {@code --at}), or {@code null}
     */
    public WindowsStoreSource(WindowsCertificateApi api, RegistryValues registry, ServiceAccountSelection selection,
                              Instant at) {
        this(api, registry, selection, at, false);
    }

    /**
     * @param registry              where the SCHANNEL settings and the Windows version are read, or {@code null}
     * @param at                    the time the Windows chain engine validates at, or {@code null} for now
     * @param chainChecksRevocation whether the chain engine is asked to check revocation too (the audit's
     *                              {@code --check-revocation}); without it the engine fetches nothing
     */
    public WindowsStoreSource(WindowsCertificateApi api, RegistryValues registry, ServiceAccountSelection selection,
                              Instant at, boolean chainChecksRevocation) {
        this.chainChecksRevocation = chainChecksRevocation;
        this.api = Objects.requireNonNull(api, "api");
        this.registry = registry;
        this.selection = Objects.requireNonNull(selection, "selection");
        this.at = at;
    }

    @Override
    public String describe() {
        return "LocalMachine certificate stores (MY, CA, ROOT)";
    }

    @Override
    public HostSnapshot read() throws SourceException {
        HostSnapshot.Builder snapshot = HostSnapshot.builder(api.host().computerName(), describe());
        AgentIdentity agent = api.host().agent();
        snapshot.hostFact(FACT_AGENT_ACCOUNT, agent.name() == null ? "unknown" : agent.name());
        snapshot.hostFact(FACT_AGENT_ELEVATED, agent.elevated() ? "yes" : "no");
        snapshot.auditElevated(Tristate.of(agent.elevated()));

        ResolvedServiceAccount account = new ServiceAccountResolver(api.accounts(), api.host(), agent.elevated()).resolve(selection);
        if (account != null) {
            snapshot.serviceAccount(account.account());
            if (account.resolved()) {
                snapshot.hostFact(FACT_SERVICE_ACCOUNT_GROUPS, String.join(", ", account.groupSids())
                        + (account.skipTokenGroups() ? "" : ", and the groups Authz computes for the account")
                        + "; " + NOT_KNOWN_WITHOUT_THE_RUNNING_TOKEN);
            } else {
                snapshot.hostFact(FACT_SERVICE_ACCOUNT_PROBLEM, account.unresolvedReason());
            }
        }
        AccessEvaluator access = new AccessEvaluator(api.accessChecks(), api.accounts(), agent.elevated());
        PrivateKeyInspector keys = new PrivateKeyInspector(api.stores(), api.host(), access);

        // Client Authentication Issuers matters only through the SCHANNEL settings (the trust mode, the issuer list
        // sent): it is read when they were, and otherwise left out of the stores given rather than judged empty.
        EnumSet<StoreName> given = EnumSet.allOf(StoreName.class);
        if (registry != null) {
            snapshot.schannel(LiveSchannelSettings.settings(registry));
            WindowsVersion version = LiveSchannelSettings.version(registry);
            if (version != null) {
                snapshot.windowsVersion(version);
            }
        } else {
            given.remove(StoreName.CLIENT_AUTH_ISSUER);
        }
        snapshot.storesGiven(given);
        List<String> failures = new ArrayList<>();
        for (StoreName store : given) {
            StoreRef ref = StoreRef.logical(StoreLocation.LOCAL_MACHINE, store.systemStoreName());
            StoreRead read = api.stores().readStore(ref);
            if (read.error() != null && read.absent() && store == StoreName.CLIENT_AUTH_ISSUER) {
                continue; // the store exists only once something was put in it: absent is empty
            }
            if (read.error() != null) {
                String message = storeProblem(ref, read, agent.elevated());
                if (store.isMtlsStore()) {
                    failures.add(message);
                }
                snapshot.problem(new SourceProblem(store, ref.describe(), message,
                        read.absent() ? SourceProblem.Kind.STORE_ABSENT : SourceProblem.Kind.STORE_UNREADABLE));
            } else {
                addCertificates(snapshot, store, read, agent, account, keys);
                if (read.enumerationError() != null) {
                    snapshot.problem(new SourceProblem(store, ref.describe(), "Reading " + ref.describe()
                            + " stopped after " + read.entries().size() + " certificate(s): enumerating it failed with "
                            + read.enumerationError().describe() + "; any certificates after that point are missing"
                            + " from this audit", SourceProblem.Kind.STORE_READ_PARTIALLY));
                }
            }
            if (!store.isMtlsStore() && store != StoreName.DISALLOWED) {
                continue; // Schannel reads Client Authentication Issuers as SYSTEM, not as the service account
            }
            snapshot.storeAccess(store, access.evaluate(
                    SecuredObject.registryKey(SYSTEM_CERTIFICATES + REGISTRY_KEYS.get(store)),
                    GenericMapping.REGISTRY_KEY, WindowsConstants.KEY_READ, account));
        }
        if (failures.size() == StoreName.MTLS_STORES.size()) {
            throw new SourceException("none of the LocalMachine certificate stores could be opened: "
                    + String.join("; ", failures));
        }
        readUserStores(snapshot, account);
        return snapshot.build();
    }

    private void addCertificates(HostSnapshot.Builder snapshot, StoreName store, StoreRead read, AgentIdentity agent,
                                 ResolvedServiceAccount account, PrivateKeyInspector keys) {
        PhysicalStores physical = PhysicalStores.read(api.stores(), store);
        for (StoreEntry entry : read.entries()) {
            for (PropertyProblem problem : entry.propertyProblems()) {
                snapshot.problem(store, read.store().describe() + "\\"
                        + StoredCertificate.digest("SHA-1", entry.encoded()), problem.problem()
                        + "; the certificate is audited without it");
            }
        }
        physical.unreadable().forEach((name, error) -> snapshot.problem(store,
                read.store().describe() + "\\" + name,
                "the physical store could not be read, so its certificates are not attributed to it: " + error));
        for (StoreEntry entry : read.entries()) {
            String thumbprint = StoredCertificate.digest("SHA-1", entry.encoded());
            String origin = read.store().describe() + "\\" + thumbprint;
            StoredCertificate certificate;
            try {
                certificate = StoredCertificate.parse(store, entry.encoded(), origin);
            } catch (UnreadableCertificateException e) {
                snapshot.problem(store, origin, e.getMessage());
                continue;
            }
            certificate = certificate.withPhysicalStore(physical.next(thumbprint))
                    .withFriendlyName(entry.friendlyName());
            StoreEnhancedKeyUsage.Decoded usage = storeUsage(entry);
            if (usage != null && usage.problem() != null) {
                snapshot.problem(store, origin, malformedUsage(entry, usage));
            } else if (usage != null) {
                certificate = StoreEnhancedKeyUsage.record(certificate, usage.usages());
            }
            if (store == StoreName.MY) {
                certificate = certificate.withPrivateKey(keys.inspect(read.store(), thumbprint, entry, agent, account));
                certificate = ChainTrustStatus.attach(certificate, api.stores().chainVerdict(read.store(), thumbprint,
                        at, chainChecksRevocation), chainChecksRevocation);
            }
            snapshot.add(certificate);
        }
    }

    /**
     * The purposes the store allows for the entry, decoded as an export's property 9 is, or {@code null} when the
     * property is absent: CRYPT_E_NOT_FOUND means the store does not restrict the certificate, while a present
     * property with no purposes leaves it valid for nothing (CertGetEnhancedKeyUsage: "no valid uses").
     */
    private static StoreEnhancedKeyUsage.Decoded storeUsage(StoreEntry entry) {
        byte[] property = entry.enhancedKeyUsage();
        return property == null ? null : StoreEnhancedKeyUsage.decode(property);
    }

    private static String malformedUsage(StoreEntry entry, StoreEnhancedKeyUsage.Decoded usage) {
        return "the purposes the store allows for the certificate (CERT_ENHKEY_USAGE_PROP_ID, "
                + entry.enhancedKeyUsage().length + " bytes) " + usage.problem() + "; which purposes Windows"
                + " allows it is unknown, and its chains are judged as if the store did not restrict it";
    }

    private static String storeProblem(StoreRef ref, StoreRead read, boolean elevated) {
        int code = read.error().code();
        if (read.absent()) {
            return "the store " + ref.describe() + " does not exist (" + read.error().describe() + ")";
        }
        if (code == ERROR_ACCESS_DENIED) {
            return "the audit may not open the store " + ref.describe() + " (" + read.error().describe() + ")"
                    + (elevated ? ": its ACL keeps even administrators out" : ": run the audit as administrator");
        }
        return "the store " + ref.describe() + " could not be opened: " + read.error().describe();
    }

    /**
     * The Personal stores of the current user and of the service account, read only to find a service
     * certificate imported there instead of into LocalMachine\MY.
     */
    private void readUserStores(HostSnapshot.Builder snapshot, ResolvedServiceAccount account) {
        List<StoreRef> stores = new ArrayList<>();
        stores.add(StoreRef.logical(StoreLocation.CURRENT_USER, "MY"));
        if (account != null && account.resolved()) {
            stores.add(StoreRef.logical(StoreLocation.USERS, account.sid() + "\\MY"));
        }
        if (selection.serviceName() != null) {
            stores.add(StoreRef.logical(StoreLocation.SERVICES, selection.serviceName() + "\\MY"));
        }
        for (StoreRef ref : stores) {
            StoreRead read = api.stores().readStore(ref);
            String name = ref.describe();
            if (read.error() != null) {
                snapshot.userStoreRead(new UserStoreRead(name, read.absent() ? UserStoreRead.Outcome.ABSENT
                        : UserStoreRead.Outcome.NOT_READABLE, 0, read.error().describe(), Map.of()));
                continue;
            }
            Map<String, String> entryProblems = new LinkedHashMap<>();
            for (StoreEntry entry : read.entries()) {
                String thumbprint = StoredCertificate.digest("SHA-1", entry.encoded());
                StoredCertificate certificate;
                try {
                    certificate = StoredCertificate.parse(StoreName.MY, entry.encoded(), name + "\\" + thumbprint)
                            .withFriendlyName(entry.friendlyName())
                            .withPrivateKey(userStoreKey(entry.keyProvider()))
                            .withUserStore(name);
                } catch (UnreadableCertificateException e) {
                    entryProblems.put(thumbprint, "unreadable: " + e.getMessage());
                    continue;
                }
                StoreEnhancedKeyUsage.Decoded usage = storeUsage(entry);
                if (usage != null && usage.problem() != null) {
                    entryProblems.put(thumbprint, malformedUsage(entry, usage));
                } else if (usage != null) {
                    certificate = StoreEnhancedKeyUsage.record(certificate, usage.usages());
                }
                snapshot.userStoreCertificate(certificate);
            }
            snapshot.userStoreRead(read.enumerationError() == null
                    ? new UserStoreRead(name, UserStoreRead.Outcome.READ, read.entries().size(), null, entryProblems)
                    : new UserStoreRead(name, UserStoreRead.Outcome.READ_PARTIALLY, read.entries().size(),
                            read.enumerationError().describe(), entryProblems));
        }
    }

    /** Keys of user-store certificates are not opened: whether one is associated is enough to recognise it. */
    private static PrivateKeyFacts userStoreKey(KeyProviderInfo key) {
        if (key == null) {
            return PrivateKeyFacts.absent("no private key is associated with the certificate");
        }
        return new PrivateKeyFacts(Tristate.UNKNOWN, key.cng() ? KeyKind.CNG : KeyKind.CAPI, key.provider(),
                key.container(), Tristate.of(key.machineKeyset()), null, null,
                "a private key is associated with the certificate; keys of user stores are not opened");
    }
}
