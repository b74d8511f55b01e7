package io.certaudit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one source observed about one host: the certificates of MY, CA and ROOT, what it could not read,
 * the access facts it knows, and what the TLS peers it talks to showed in a handshake. The single input of chain
 * analysis and of every rule.
 */
public final class HostSnapshot {

    private final String hostName;
    private final String source;
    private final List<StoredCertificate> certificates;
    private final Map<StoreName, List<StoredCertificate>> byStore;
    private final List<SourceProblem> problems;
    private final Map<StoreName, AccessFacts> storeAccess;
    private final ServiceAccount serviceAccount;
    private final List<StoredCertificate> userStoreCertificates;
    private final List<UserStoreRead> userStoreReads;
    private final Map<String, String> hostFacts;
    private final List<PeerObservation> peers;
    private final Tristate auditElevated;
    private final Set<StoreName> storesGiven;
    private final boolean dnsChecked;
    private final List<NameResolution> nameResolutions;
    private final SchannelSettings schannel;
    private final WindowsVersion windowsVersion;
    private final RevocationFacts revocation;

    private HostSnapshot(Builder builder) {
        this.hostName = builder.hostName;
        this.source = builder.source;
        this.certificates = List.copyOf(builder.certificates);
        Map<StoreName, List<StoredCertificate>> stores = new EnumMap<>(StoreName.class);
        for (StoreName store : StoreName.values()) {
            stores.put(store, new ArrayList<>());
        }
        for (StoredCertificate certificate : certificates) {
            stores.get(certificate.store()).add(certificate);
        }
        stores.replaceAll((store, list) -> Collections.unmodifiableList(list));
        this.byStore = Collections.unmodifiableMap(stores);
        this.problems = List.copyOf(builder.problems);
        this.storeAccess = Collections.unmodifiableMap(new EnumMap<>(builder.storeAccess));
        this.serviceAccount = builder.serviceAccount;
        this.userStoreCertificates = List.copyOf(builder.userStoreCertificates);
        this.userStoreReads = List.copyOf(builder.userStoreReads);
        this.hostFacts = Collections.unmodifiableMap(new LinkedHashMap<>(builder.hostFacts));
        this.peers = List.copyOf(builder.peers);
        this.auditElevated = builder.auditElevated;
        this.dnsChecked = builder.dnsChecked;
        this.nameResolutions = List.copyOf(builder.nameResolutions);
        this.schannel = builder.schannel;
        this.windowsVersion = builder.windowsVersion;
        this.revocation = builder.revocation;
        this.storesGiven = Collections.unmodifiableSet(builder.storesGiven == null ? EnumSet.allOf(StoreName.class)
                : EnumSet.copyOf(builder.storesGiven));
    }

    /**
     * The stores the source covered: every store for a live host, the store subfolders of a folder, the store of a
     * {@code .sst}. A store not given is not judged as empty: nothing is known of it.
     */
    public Set<StoreName> storesGiven() {
        return storesGiven;
    }

    public static Builder builder(String hostName, String source) {
        return new Builder(hostName, source);
    }

    /** The host's name as the source knows it. */
    public String hostName() {
        return hostName;
    }

    /** What was read, e.g. {@code folder examples/bems-host} or {@code LocalMachine certificate stores}. */
    public String source() {
        return source;
    }

    /** Every certificate of every store, in the order the source read them. */
    public List<StoredCertificate> certificates() {
        return certificates;
    }

    /** The certificates of one store, in the order the source read them. */
    public List<StoredCertificate> store(StoreName store) {
        return byStore.get(store);
    }

    /** Entries the source could not read. */
    public List<SourceProblem> problems() {
        return problems;
    }

    /** The service account's access to each store, where the source checked it. */
    public Map<StoreName, AccessFacts> storeAccess() {
        return storeAccess;
    }

    /** The service account, or {@code null} when none was configured. */
    public ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    /** Certificates found in user Personal stores (current user, service account), to catch misplaced ones. */
    public List<StoredCertificate> userStoreCertificates() {
        return userStoreCertificates;
    }

    /** What reading each user Personal store gave, in the order read; empty when the source read none. */
    public List<UserStoreRead> userStoreReads() {
        return userStoreReads;
    }

    /**
     * The Schannel settings that decide how client certificates are asked for and trusted, or {@code null} when no
     * source read them (a folder of certificate files, an export of the stores alone).
     */
    public SchannelSettings schannel() {
        return schannel;
    }

    /** The host's Windows version, or {@code null} when no source told it. */
    public WindowsVersion windowsVersion() {
        return windowsVersion;
    }

    /** Source-specific host facts shown as evidence, e.g. the account the audit ran as. */
    public Map<String, String> hostFacts() {
        return hostFacts;
    }

    /** The TLS peers probed for this host, in the order probed; empty when none was. */
    public List<PeerObservation> peers() {
        return peers;
    }

    /**
     * Whether the audit ran with a full administrator token on the host it read (the live source knows; sources
     * reading exported copies do not): advice to run as administrator is given only when it did not.
     */
    public Tristate auditElevated() {
        return auditElevated;
    }

    /**
     * Whether the configured names were resolved in DNS for this audit: only when the user asked for it, since a
     * lookup leaves the host and its answer depends on the network the audit runs in.
     */
    public boolean dnsChecked() {
        return dnsChecked;
    }

    /** What the resolver answered for each configured name, in the order asked; empty unless DNS was checked. */
    public List<NameResolution> nameResolutions() {
        return nameResolutions;
    }

    /**
     * Whether the revocation status of the service chains and the peers' chains was fetched for this audit, what
     * it was, and why it was not when it was not (by default: the user did not ask).
     */
    public RevocationFacts revocation() {
        return revocation;
    }

    /** Collects a snapshot; sources add to it as they read. */
    public static final class Builder {
        private final String hostName;
        private final String source;
        private final List<StoredCertificate> certificates = new ArrayList<>();
        private final List<SourceProblem> problems = new ArrayList<>();
        private final Map<StoreName, AccessFacts> storeAccess = new EnumMap<>(StoreName.class);
        private ServiceAccount serviceAccount;
        private final List<StoredCertificate> userStoreCertificates = new ArrayList<>();
        private final List<UserStoreRead> userStoreReads = new ArrayList<>();
        private final Map<String, String> hostFacts = new LinkedHashMap<>();
        private final List<PeerObservation> peers = new ArrayList<>();
        private Tristate auditElevated = Tristate.UNKNOWN;
        /** {@code null} until a source says: then every store, as a live host's. */
        private EnumSet<StoreName> storesGiven;
        private boolean dnsChecked;
        private final List<NameResolution> nameResolutions = new ArrayList<>();
        private SchannelSettings schannel;
        private WindowsVersion windowsVersion;
        private RevocationFacts revocation = RevocationFacts.notChecked(RevocationFacts.NOT_ASKED);

        private Builder(String hostName, String source) {
            this.hostName = Objects.requireNonNull(hostName, "hostName");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder add(StoredCertificate certificate) {
            certificates.add(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        public Builder problem(SourceProblem problem) {
            problems.add(Objects.requireNonNull(problem, "problem"));
            return this;
        }

        public Builder problem(StoreName store, String origin, String message) {
            return problem(new SourceProblem(store, origin, message));
        }

        public Builder storeAccess(StoreName store, AccessFacts access) {
            storeAccess.put(store, access);
            return this;
        }

        public Builder serviceAccount(ServiceAccount account) {
            this.serviceAccount = account;
            return this;
        }

        public Builder userStoreCertificate(StoredCertificate certificate) {
            userStoreCertificates.add(certificate);
            return this;
        }

        /** Records what reading one user Personal store gave. */
        public Builder userStoreRead(UserStoreRead read) {
            userStoreReads.add(Objects.requireNonNull(read, "read"));
            return this;
        }

        public Builder hostFact(String name, String value) {
            hostFacts.put(name, value);
            return this;
        }

        /** The Schannel settings the source read. */
        public Builder schannel(SchannelSettings settings) {
            this.schannel = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The host's Windows version, as the source read it. */
        public Builder windowsVersion(WindowsVersion version) {
            this.windowsVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Whether the audit ran elevated on the host it read. */
        public Builder auditElevated(Tristate elevated) {
            this.auditElevated = Objects.requireNonNull(elevated, "elevated");
            return this;
        }

        /** Adds what one handshake with a TLS peer showed. */
        public Builder peer(PeerObservation observation) {
            peers.add(Objects.requireNonNull(observation, "observation"));
            return this;
        }

        /** The stores this source covers (default: all); several sources cover the union of theirs. */
        public Builder storesGiven(Set<StoreName> stores) {
            storesGiven = stores.isEmpty() ? EnumSet.noneOf(StoreName.class) : EnumSet.copyOf(stores);
            return this;
        }

        /** Records that DNS was checked, with what the resolver answered for each name (possibly none). */
        public Builder nameResolutions(List<NameResolution> resolutions) {
            dnsChecked = true;
            nameResolutions.addAll(resolutions);
            return this;
        }

        /** Records whether, and with what result, revocation was checked. */
        public Builder revocation(RevocationFacts facts) {
            this.revocation = Objects.requireNonNull(facts, "facts");
            return this;
        }

        /** Adds everything another snapshot holds, so several sources combine into one host. */
        public Builder addAll(HostSnapshot other) {
            if (storesGiven == null) {
                storesGiven = EnumSet.noneOf(StoreName.class);
            }
            storesGiven.addAll(other.storesGiven);
            certificates.addAll(other.certificates);
            problems.addAll(other.problems);
            storeAccess.putAll(other.storeAccess);
            if (other.serviceAccount != null) {
                serviceAccount = other.serviceAccount;
            }
            userStoreCertificates.addAll(other.userStoreCertificates);
            userStoreReads.addAll(other.userStoreReads);
            hostFacts.putAll(other.hostFacts);
            peers.addAll(other.peers);
            dnsChecked |= other.dnsChecked;
            nameResolutions.addAll(other.nameResolutions);
            if (other.schannel != null) {
                schannel = other.schannel;
            }
            if (other.windowsVersion != null) {
                windowsVersion = other.windowsVersion;
            }
            if (other.revocation.checked()) {
                revocation = other.revocation;
            }
            if (other.auditElevated != Tristate.UNKNOWN) {
                auditElevated = other.auditElevated;
            }
            return this;
        }

        public HostSnapshot build() {
            return new HostSnapshot(this);
        }
    }
}
