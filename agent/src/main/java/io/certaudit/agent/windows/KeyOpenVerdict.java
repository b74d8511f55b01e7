package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.AT_KEYEXCHANGE;
import static io.certaudit.agent.windows.WindowsConstants.AT_SIGNATURE;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_E_NO_KEY_PROPERTY;
import static io.certaudit.agent.windows.WindowsConstants.E_ACCESSDENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER;
import static io.certaudit.agent.windows.WindowsConstants.NTE_BAD_KEYSET;
import static io.certaudit.agent.windows.WindowsConstants.NTE_BAD_PUBLIC_KEY;
import static io.certaudit.agent.windows.WindowsConstants.NTE_DEVICE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.NTE_DEVICE_NOT_READY;
import static io.certaudit.agent.windows.WindowsConstants.NTE_KEYSET_NOT_DEF;
import static io.certaudit.agent.windows.WindowsConstants.NTE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.NTE_NO_KEY;
import static io.certaudit.agent.windows.WindowsConstants.NTE_PERM;
import static io.certaudit.agent.windows.WindowsConstants.NTE_SILENT_CONTEXT;
import static io.certaudit.agent.windows.WindowsConstants.SCARD_E_NO_SMARTCARD;

import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.Tristate;

/**
 * Whether a certificate's private key is there, decided by really opening it (CryptAcquireCertificatePrivateKey
 * with CRYPT_ACQUIRE_COMPARE_KEY_FLAG) under the audit's own identity, and said honestly: a key the audit may not
 * open is UNKNOWN, never present and never missing.
 *
 * <p>CAPI answers NTE_BAD_KEYSET ("Keyset does not exist") both for a missing container and for one the caller
 * may not read, and for a per-user key set it looks in the caller's own profile only. So that answer proves the
 * key absent only when all of these hold: the certificate points at the machine key set (CRYPT_MACHINE_KEYSET),
 * the provider is one of Microsoft's software providers (whose machine keys are files under
 * {@code %ProgramData%\Microsoft\Crypto}, which administrators can read), and the audit runs elevated.
 */
record KeyOpenVerdict(Tristate present, String evidence, KeyDefect defect) {

    static final String RUN_ELEVATED = "run the audit as administrator (elevated) to tell";

    static KeyOpenVerdict of(KeyOpenResult result, KeyProviderInfo key, boolean elevated) {
        if (result.opened()) {
            return new KeyOpenVerdict(Tristate.YES, "the private key opened and matches the certificate ("
                    + (result.openedAsCng() ? "CNG key" : "CAPI key, " + keySpec(result.keySpec())) + ")",
                    KeyDefect.NONE);
        }
        String error = result.error().describe();
        int code = result.error().code();
        if (key == null || code == CRYPT_E_NO_KEY_PROPERTY) {
            return new KeyOpenVerdict(Tristate.NO,
                    "the certificate has no private key associated with it (no CERT_KEY_PROV_INFO_PROP_ID): " + error,
                    KeyDefect.NONE);
        }
        String container = "the key container \"" + key.container() + "\" of " + key.provider();
        if (code == NTE_BAD_PUBLIC_KEY) {
            return new KeyOpenVerdict(Tristate.NO, container + " holds a key that is not the certificate's:"
                    + " compared with the certificate's public key (CRYPT_ACQUIRE_COMPARE_KEY_FLAG) it differs: "
                    + error, KeyDefect.KEY_MISMATCH);
        }
        if (code == NTE_BAD_KEYSET || code == NTE_NO_KEY || code == NTE_NOT_FOUND || code == NTE_KEYSET_NOT_DEF) {
            if (!key.machineKeyset()) {
                return new KeyOpenVerdict(Tristate.UNKNOWN, container + " is in a per-user key set (no"
                        + " CRYPT_MACHINE_KEYSET), and the key set of the account the audit runs as does not have it: "
                        + error + "; it may be in another account's profile", KeyDefect.NONE);
            }
            if (!softwareProvider(key)) {
                return new KeyOpenVerdict(Tristate.UNKNOWN, container + " could not be opened: " + error
                        + "; whether that provider's key is gone or not reachable cannot be told from here",
                        KeyDefect.NONE);
            }
            if (elevated) {
                return new KeyOpenVerdict(Tristate.NO, container + " does not exist in the machine key set: " + error,
                        KeyDefect.NONE);
            }
            return new KeyOpenVerdict(Tristate.UNKNOWN, container + " could not be opened: " + error
                    + "; Windows gives the same answer for a key the audit may not read, " + RUN_ELEVATED,
                    KeyDefect.NONE);
        }
        if (code == E_ACCESSDENIED || code == NTE_PERM || code == ERROR_ACCESS_DENIED) {
            return new KeyOpenVerdict(Tristate.UNKNOWN, "the audit may not open " + container + ": " + error
                    + (elevated ? "; its ACL keeps even administrators out" : "; " + RUN_ELEVATED), KeyDefect.NONE);
        }
        if (code == NTE_SILENT_CONTEXT) {
            return new KeyOpenVerdict(Tristate.UNKNOWN, container
                    + " can only be opened with a prompt (a PIN or strong key protection), which a service cannot answer: "
                    + error, KeyDefect.NONE);
        }
        if (code == SCARD_E_NO_SMARTCARD || code == NTE_DEVICE_NOT_READY || code == NTE_DEVICE_NOT_FOUND) {
            return new KeyOpenVerdict(Tristate.UNKNOWN,
                    "the device that holds " + container + " is not available: " + error, KeyDefect.NONE);
        }
        return new KeyOpenVerdict(Tristate.UNKNOWN, container + " could not be opened: " + error, KeyDefect.NONE);
    }

    /** Microsoft's software CSPs and KSP keep machine keys as files an administrator can read; TPM and cards not. */
    private static boolean softwareProvider(KeyProviderInfo key) {
        String provider = key.provider();
        return provider != null && provider.startsWith("Microsoft ")
                && !provider.equalsIgnoreCase(MS_PLATFORM_KEY_STORAGE_PROVIDER)
                && !provider.equalsIgnoreCase(MS_SMART_CARD_KEY_STORAGE_PROVIDER)
                && !provider.toLowerCase(java.util.Locale.ROOT).contains("smart card");
    }

    private static String keySpec(int keySpec) {
        return switch (keySpec) {
            case AT_KEYEXCHANGE -> "AT_KEYEXCHANGE";
            case AT_SIGNATURE -> "AT_SIGNATURE";
            default -> "key spec " + keySpec;
        };
    }
}
