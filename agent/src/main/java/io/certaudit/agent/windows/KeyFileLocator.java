package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.PROV_DH_SCHANNEL;
import static io.certaudit.agent.windows.WindowsConstants.PROV_DSS;
import static io.certaudit.agent.windows.WindowsConstants.PROV_DSS_DH;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.windows.HostEnvironment.HostFolders;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;

/**
 * Finds the file that holds a key. Its name is the container's unique name; its folder is the one Microsoft's
 * "Key Storage and Retrieval" table gives for the key set it is in
 * (learn.microsoft.com/windows/win32/seccng/key-storage-and-retrieval):
 *
 * <ul>
 *   <li>shared (machine) keys: CAPI {@code %ALLUSERSPROFILE%\Application Data\Microsoft\Crypto\RSA\MachineKeys}
 *       (DSS-family providers under {@code ...\Crypto\DSS\MachineKeys}), CNG {@code ...\Microsoft\Crypto\Keys};</li>
 *   <li>LocalSystem's own: CAPI {@code ...\Crypto\RSA\S-1-5-18} ({@code DSS\S-1-5-18}), CNG
 *       {@code ...\Crypto\SystemKeys};</li>
 *   <li>LocalService's and NetworkService's own: CAPI {@code ...\Crypto\RSA\S-1-5-19} / {@code S-1-5-20}, CNG
 *       {@code %WINDIR%\ServiceProfiles\LocalService} / {@code NetworkService} (the key folder inside that
 *       profile is {@code AppData\Roaming\Microsoft\Crypto\Keys}, and CAPI keys are also looked for there);</li>
 *   <li>any other user's own: inside that user's profile ({@code %APPDATA%}), which the audit does not search.</li>
 * </ul>
 *
 * {@code %ALLUSERSPROFILE%\Application Data} is {@code %ProgramData%} since Windows Vista. TPM and smart-card keys
 * have no file.
 */
final class KeyFileLocator {

    /**
     * The key file, or why there is none.
     *
     * @param path   the file, or {@code null}
     * @param reason why {@code path} is {@code null}
     */
    record Location(String path, String reason) {
    }

    private final StoresAndKeys api;
    private final HostEnvironment host;

    KeyFileLocator(StoresAndKeys api, HostEnvironment host) {
        this.api = api;
        this.host = host;
    }

    /**
     * @param keySetOwnerSid for a key in a per-user key set, the account whose key set it is known to be (the
     *                       account the audit runs as, when that is the service account), or {@code null}
     */
    Location locate(KeyProviderInfo key, String keySetOwnerSid) {
        if (MS_PLATFORM_KEY_STORAGE_PROVIDER.equalsIgnoreCase(key.provider())) {
            return new Location(null, "the key is held by the TPM (" + key.provider() + "): there is no key file;"
                    + " access is governed by the provider");
        }
        if (MS_SMART_CARD_KEY_STORAGE_PROVIDER.equalsIgnoreCase(key.provider())) {
            return new Location(null, "the key is on a smart card (" + key.provider() + "): there is no key file");
        }
        HostFolders folders = host.folders();
        if (folders.programData() == null) {
            return new Location(null, "%ProgramData% is not set: the key folders are unknown");
        }
        List<String> folderCandidates = key.machineKeyset()
                ? machineFolders(key, folders)
                : accountFolders(key, folders, keySetOwnerSid);
        if (folderCandidates.isEmpty()) {
            return new Location(null, "the key is in a per-user key set, inside the profile of the account that"
                    + " holds it, which the audit does not search");
        }
        UniqueKeyName unique = api.uniqueKeyName(key);
        if (unique.error() != null) {
            return new Location(null, "the key's file name could not be read: " + unique.error().describe());
        }
        for (String folder : folderCandidates) {
            String path = folder + "\\" + unique.name();
            if (host.fileExists(path)) {
                return new Location(path, null);
            }
        }
        return new Location(null, "no key file " + unique.name() + " in " + String.join(" or ", folderCandidates)
                + (key.provider() != null && key.provider().startsWith("Microsoft")
                ? "" : "; " + key.provider() + " may keep its keys elsewhere"));
    }

    /** DSS, DSS/DH and DH Schannel CSPs keep their keys under Crypto\DSS, every other CSP under Crypto\RSA. */
    private static String capiFamily(KeyProviderInfo key) {
        int type = key.providerType();
        return type == PROV_DSS || type == PROV_DSS_DH || type == PROV_DH_SCHANNEL ? "DSS" : "RSA";
    }

    private static List<String> machineFolders(KeyProviderInfo key, HostFolders folders) {
        String crypto = folders.programData() + "\\Microsoft\\Crypto";
        return List.of(key.cng() ? crypto + "\\Keys" : crypto + "\\" + capiFamily(key) + "\\MachineKeys");
    }

    private static List<String> accountFolders(KeyProviderInfo key, HostFolders folders, String ownerSid) {
        List<String> candidates = new ArrayList<>();
        if (ownerSid == null) {
            return candidates;
        }
        String crypto = folders.programData() + "\\Microsoft\\Crypto";
        String profile = switch (ownerSid) {
            case Sid.LOCAL_SERVICE -> "LocalService";
            case Sid.NETWORK_SERVICE -> "NetworkService";
            default -> null;
        };
        if (Sid.LOCAL_SYSTEM.equals(ownerSid)) {
            candidates.add(key.cng() ? crypto + "\\SystemKeys" : crypto + "\\" + capiFamily(key) + "\\" + ownerSid);
        } else if (profile != null && folders.windows() != null) {
            String serviceProfile = folders.windows() + "\\ServiceProfiles\\" + profile;
            String roamingCrypto = serviceProfile + "\\AppData\\Roaming\\Microsoft\\Crypto";
            if (key.cng()) {
                candidates.add(serviceProfile);
                candidates.add(roamingCrypto + "\\Keys");
            } else {
                candidates.add(crypto + "\\" + capiFamily(key) + "\\" + ownerSid);
                candidates.add(roamingCrypto + "\\" + capiFamily(key) + "\\" + ownerSid);
            }
        }
        return candidates;
    }
}
