package io.certaudit.agent.source.serialized;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.certaudit.model.StoreName;

/**
 * A registry key that holds one certificate: {@code <hive>\<location>\<STORE>\Certificates\<SHA-1>}. The
 * locations are those of "System Store Locations" (learn.microsoft.com/windows/win32/seccrypto/
 * system-store-locations): {@code SOFTWARE\Microsoft\SystemCertificates} (physical store .Default),
 * {@code SOFTWARE\Policies\Microsoft\SystemCertificates} (.GroupPolicy, CERT_GROUP_POLICY_SYSTEM_STORE_REGPATH)
 * and {@code SOFTWARE\Microsoft\EnterpriseCertificates} (.Enterprise); the .AuthRoot member of ROOT is the
 * {@code AuthRoot} store beside it.
 *
 * @param path          the key path as written in the file
 * @param userHive      whether the key is in a user's hive (HKEY_CURRENT_USER, HKEY_USERS) rather than HKLM
 * @param physicalStore the physical store the location stands for
 * @param storeKeyName  the store's key name as written, e.g. {@code My}, {@code Root}, {@code Disallowed}
 * @param entryName     the last key name, which Windows makes the certificate's SHA-1 in uppercase hex
 */
record RegistryCertificateKey(String path, boolean userHive, String physicalStore, String storeKeyName,
                              String entryName) {

    /** Physical store names, as wincrypt.h's CERT_PHYSICAL_STORE_*_NAME. */
    static final String DEFAULT = ".Default";
    static final String GROUP_POLICY = ".GroupPolicy";
    static final String ENTERPRISE = ".Enterprise";
    static final String AUTH_ROOT = ".AuthRoot";

    private record Location(List<String> components, String physicalStore, boolean machineOnly) {
    }

    private static final List<Location> LOCATIONS = List.of(
            new Location(List.of("software", "microsoft", "systemcertificates"), DEFAULT, false),
            new Location(List.of("software", "policies", "microsoft", "systemcertificates"), GROUP_POLICY, false),
            new Location(List.of("software", "microsoft", "enterprisecertificates"), ENTERPRISE, true));

    /**
     * The audited store of a LocalMachine key at or below a store's key ({@code ...\SystemCertificates\Root},
     * its {@code Certificates} key, a certificate): an export that holds such a key gives that store, even empty.
     * Empty for user hives, other stores and unrelated keys.
     */
    static Optional<StoreName> machineStoreOf(String path) {
        List<String> parts = List.of(path.split("\\\\"));
        if (parts.size() < 2
                || !List.of("HKEY_LOCAL_MACHINE", "HKLM").contains(parts.get(0).toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (Location location : LOCATIONS) {
            int size = location.components().size();
            if (parts.size() > 1 + size && lower(parts.subList(1, 1 + size)).equals(location.components())) {
                return new RegistryCertificateKey(path, false, location.physicalStore(), parts.get(1 + size), "")
                        .store();
            }
        }
        return Optional.empty();
    }

    /** Recognises a certificate key; any other key (a store, its CRLs, unrelated keys) gives empty. */
    static Optional<RegistryCertificateKey> parse(String path) {
        List<String> parts = List.of(path.split("\\\\"));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String hive = parts.get(0).toUpperCase(Locale.ROOT);
        int next;
        boolean user;
        switch (hive) {
            case "HKEY_LOCAL_MACHINE", "HKLM" -> {
                next = 1;
                user = false;
            }
            case "HKEY_CURRENT_USER", "HKCU" -> {
                next = 1;
                user = true;
            }
            case "HKEY_USERS", "HKU" -> {
                next = 2; // past the user's SID
                user = true;
            }
            default -> {
                return Optional.empty();
            }
        }
        for (Location location : LOCATIONS) {
            int size = location.components().size();
            if (parts.size() != next + size + 3 || (location.machineOnly() && user)) {
                continue;
            }
            if (!lower(parts.subList(next, next + size)).equals(location.components())) {
                continue;
            }
            String store = parts.get(next + size);
            if (!parts.get(next + size + 1).equalsIgnoreCase("Certificates")) {
                return Optional.empty();
            }
            return Optional.of(new RegistryCertificateKey(path, user, location.physicalStore(), store,
                    parts.get(next + size + 2)));
        }
        return Optional.empty();
    }

    /** The audited store this key belongs to, or empty for stores the audit does not read (TrustedPeople...). */
    Optional<StoreName> store() {
        return switch (storeKeyName.toUpperCase(Locale.ROOT)) {
            case "MY" -> Optional.of(StoreName.MY);
            case "CA" -> Optional.of(StoreName.CA);
            case "ROOT" -> Optional.of(StoreName.ROOT);
            case "DISALLOWED" -> Optional.of(StoreName.DISALLOWED);
            case "CLIENTAUTHISSUER" -> Optional.of(StoreName.CLIENT_AUTH_ISSUER);
            case "AUTHROOT" -> DEFAULT.equals(physicalStore) ? Optional.of(StoreName.ROOT) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The physical store within {@link #store()}: the location's, except .AuthRoot for the AuthRoot key. */
    String physicalStoreOfEntry() {
        return storeKeyName.equalsIgnoreCase("AuthRoot") ? AUTH_ROOT : physicalStore;
    }

    private static List<String> lower(List<String> parts) {
        return parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList();
    }
}
