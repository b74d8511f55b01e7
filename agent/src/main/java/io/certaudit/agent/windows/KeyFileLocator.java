package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.PROV_DSS;
import static io.certaudit.agent.windows.WindowsConstants.PROV_DSS_DH;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.windows.WindowsCertificateApi.HostFolders;
import io.certaudit.agent.windows.WindowsCertificateApi.KeyProviderInfo;
import io.certaudit.agent.windows.WindowsCertificateApi.UniqueKeyName;

/**
 * Finds the file that holds a machine key. Its name is the container's unique name; its folder is one of those
 * "Key Storage and Retrieval" documents (learn.microsoft.com/windows/win32/seccng/key-storage-and-retrieval):
 * CNG machine keys in {@code %ProgramData%\Microsoft\Crypto\Keys} (LocalSystem's in {@code ...\SystemKeys}),
 * CAPI machine keys in {@code %ProgramData%\Microsoft\Crypto\RSA\MachineKeys} (DSS keys under {@code ...\DSS\})
 * and LocalSystem's in {@code ...\RSA\S-1-5-18}. TPM and smart-card keys have no file.
 */
final class KeyFileLocator {

    /**
     * The key file, or why there is none.
     *
     * @param path   the file, or {@code null}
     * @param reason why {@code path} is {@code null}, or the folder it was found in
     */
    record Location(String path, String reason) {
    }

    private final WindowsCertificateApi api;

    KeyFileLocator(WindowsCertificateApi api) {
        this.api = api;
    }

    Location locate(KeyProviderInfo key) {
        if (MS_PLATFORM_KEY_STORAGE_PROVIDER.equalsIgnoreCase(key.provider())) {
            return new Location(null, "the key is held by the TPM (" + key.provider() + "): there is no key file;"
                    + " access is governed by the provider");
        }
        if (MS_SMART_CARD_KEY_STORAGE_PROVIDER.equalsIgnoreCase(key.provider())) {
            return new Location(null, "the key is on a smart card (" + key.provider() + "): there is no key file");
        }
        if (!key.machineKeyset()) {
            return new Location(null, "the key is in a user's key set, inside that user's profile,"
                    + " not in the machine key set a service uses");
        }
        HostFolders folders = api.folders();
        if (folders.programData() == null) {
            return new Location(null, "%ProgramData% is not set: the key folders are unknown");
        }
        UniqueKeyName unique = api.uniqueKeyName(key);
        if (unique.error() != null) {
            return new Location(null, "the key's file name could not be read: " + unique.error().describe());
        }
        List<String> folderCandidates = candidates(key, folders.programData());
        for (String folder : folderCandidates) {
            String path = folder + "\\" + unique.name();
            if (api.fileExists(path)) {
                return new Location(path, null);
            }
        }
        return new Location(null, "no key file " + unique.name() + " in " + String.join(" or ", folderCandidates)
                + (key.provider() != null && key.provider().startsWith("Microsoft")
                ? "" : "; " + key.provider() + " may keep its keys elsewhere"));
    }

    private static List<String> candidates(KeyProviderInfo key, String programData) {
        String crypto = programData + "\\Microsoft\\Crypto";
        List<String> folders = new ArrayList<>();
        if (key.cng()) {
            folders.add(crypto + "\\Keys");
            folders.add(crypto + "\\SystemKeys");
        } else {
            String family = key.providerType() == PROV_DSS || key.providerType() == PROV_DSS_DH ? "DSS" : "RSA";
            folders.add(crypto + "\\" + family + "\\MachineKeys");
            folders.add(crypto + "\\" + family + "\\" + Sid.LOCAL_SYSTEM);
        }
        return folders;
    }
}
