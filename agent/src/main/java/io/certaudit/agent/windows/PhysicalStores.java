package io.certaudit.agent.windows;


import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/**
 * Tells which physical store each certificate of a LocalMachine logical store comes from, so that a root pushed
 * by Group Policy is told apart from one added by hand. Per "System Store Locations"
 * (learn.microsoft.com/windows/win32/seccrypto/system-store-locations) LocalMachine MY has .Default; CA has
 * .Default, .GroupPolicy and .Enterprise; Root has .Default, .AuthRoot, .GroupPolicy, .Enterprise and .SmartCard.
 * Each is a registry store opened alone (CERT_STORE_PROV_SYSTEM_REGISTRY_W): .Default at LOCAL_MACHINE,
 * .GroupPolicy at LOCAL_MACHINE_GROUP_POLICY, .Enterprise at LOCAL_MACHINE_ENTERPRISE, and .AuthRoot is the
 * LOCAL_MACHINE registry store "AuthRoot". A certificate found in none (a .SmartCard root) has no physical store.
 */
final class PhysicalStores {

    private static final Map<String, StoreLocation> SHARED = Map.of(
            ".Default", StoreLocation.LOCAL_MACHINE,
            ".GroupPolicy", StoreLocation.LOCAL_MACHINE_GROUP_POLICY,
            ".Enterprise", StoreLocation.LOCAL_MACHINE_ENTERPRISE);

    private final Map<String, Deque<String>> physicalByThumbprint = new HashMap<>();
    private final Map<String, String> unreadable = new LinkedHashMap<>();

    private PhysicalStores() {
    }

    /** Reads the physical members of one LocalMachine logical store. */
    static PhysicalStores read(StoresAndKeys api, StoreName store) {
        PhysicalStores stores = new PhysicalStores();
        for (Map.Entry<String, StoreRef> member : members(store).entrySet()) {
            StoreRead read = api.readStore(member.getValue());
            if (read.error() != null) {
                // Group Policy and Enterprise stores exist only where something was pushed to them.
                if (!read.absent()) {
                    stores.unreadable.put(member.getKey(), read.error().describe());
                }
                continue;
            }
            if (read.enumerationError() != null) {
                stores.unreadable.put(member.getKey(), "enumerating it failed after " + read.entries().size()
                        + " certificate(s): " + read.enumerationError().describe());
            }
            for (StoreEntry entry : read.entries()) {
                stores.physicalByThumbprint
                        .computeIfAbsent(StoredCertificate.digest("SHA-1", entry.encoded()), t -> new ArrayDeque<>())
                        .add(member.getKey());
            }
        }
        return stores;
    }

    static Map<String, StoreRef> members(StoreName store) {
        Map<String, StoreRef> members = new LinkedHashMap<>();
        List<String> names = switch (store) {
            case MY -> List.of(".Default");
            case CA -> List.of(".Default", ".GroupPolicy", ".Enterprise");
            case ROOT -> List.of(".Default", ".AuthRoot", ".GroupPolicy", ".Enterprise");
            case DISALLOWED, CLIENT_AUTH_ISSUER -> List.of(".Default", ".GroupPolicy", ".Enterprise");
        };
        for (String name : names) {
            members.put(name, name.equals(".AuthRoot")
                    ? StoreRef.registry(StoreLocation.LOCAL_MACHINE, "AuthRoot")
                    : StoreRef.registry(SHARED.get(name), store.systemStoreName()));
        }
        return members;
    }

    /**
     * The physical store of the next occurrence of this certificate in the logical store: a certificate present
     * in two physical stores appears twice in the logical one, once for each.
     */
    String next(String thumbprint) {
        Deque<String> remaining = physicalByThumbprint.get(thumbprint);
        return remaining == null || remaining.isEmpty() ? null : remaining.poll();
    }

    /** Physical stores that exist but could not be read, with the error. */
    Map<String, String> unreadable() {
        return unreadable;
    }
}
