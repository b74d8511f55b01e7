package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.AT_KEYEXCHANGE;
import static io.certaudit.agent.windows.WindowsConstants.AT_SIGNATURE;
import static io.certaudit.agent.windows.WindowsConstants.CRYPT_E_NO_KEY_PROPERTY;
import static io.certaudit.agent.windows.WindowsConstants.E_ACCESSDENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.NTE_BAD_KEYSET;
import static io.certaudit.agent.windows.WindowsConstants.NTE_DEVICE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.NTE_DEVICE_NOT_READY;
import static io.certaudit.agent.windows.WindowsConstants.NTE_KEYSET_NOT_DEF;
import static io.certaudit.agent.windows.WindowsConstants.NTE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.NTE_NO_KEY;
import static io.certaudit.agent.windows.WindowsConstants.NTE_PERM;
import static io.certaudit.agent.windows.WindowsConstants.NTE_SILENT_CONTEXT;
import static io.certaudit.agent.windows.WindowsConstants.SCARD_E_NO_SMARTCARD;

import io.certaudit.agent.windows.WindowsCertificateApi.KeyOpenResult;
import io.certaudit.agent.windows.WindowsCertificateApi.KeyProviderInfo;
import io.certaudit.model.Tristate;

/**
 * Whether a certificate's private key is there, decided by really opening it (CryptAcquireCertificatePrivateKey)
 * under the audit's own identity, and said honestly: a key the audit may not open is UNKNOWN, never present and
 * never missing. CAPI answers NTE_BAD_KEYSET ("Keyset does not exist") both for a missing container and for one
 * the caller may not read, so that answer counts as "missing" only when the audit runs elevated, as an
 * administrator, who can read machine keys.
 */
record KeyOpenVerdict(Tristate present, String evidence) {

    static final String RUN_ELEVATED = "run the audit as administrator (elevated) to tell";

    static KeyOpenVerdict of(KeyOpenResult result, KeyProviderInfo key, boolean elevated) {
        if (result.opened()) {
            return new KeyOpenVerdict(Tristate.YES, "the private key opened ("
                    + (result.openedAsCng() ? "CNG key" : "CAPI key, " + keySpec(result.keySpec())) + ")");
        }
        String error = result.error().describe();
        int code = result.error().code();
        if (key == null || code == CRYPT_E_NO_KEY_PROPERTY) {
            return new KeyOpenVerdict(Tristate.NO,
                    "the certificate has no private key associated with it (no CERT_KEY_PROV_INFO_PROP_ID): " + error);
        }
        String container = "the key container \"" + key.container() + "\" of " + key.provider();
        if (code == NTE_BAD_KEYSET || code == NTE_NO_KEY || code == NTE_NOT_FOUND || code == NTE_KEYSET_NOT_DEF) {
            if (elevated) {
                return new KeyOpenVerdict(Tristate.NO, container + " does not exist: " + error);
            }
            return new KeyOpenVerdict(Tristate.UNKNOWN, container + " could not be opened: " + error
                    + "; Windows gives the same answer for a key the audit may not read, " + RUN_ELEVATED);
        }
        if (code == E_ACCESSDENIED || code == NTE_PERM || code == ERROR_ACCESS_DENIED) {
            return new KeyOpenVerdict(Tristate.UNKNOWN, "the audit may not open " + container + ": " + error
                    + (elevated ? "; its ACL keeps even administrators out" : "; " + RUN_ELEVATED));
        }
        if (code == NTE_SILENT_CONTEXT) {
            return new KeyOpenVerdict(Tristate.UNKNOWN, container
                    + " can only be opened with a prompt (a PIN or strong key protection), which a service cannot answer: "
                    + error);
        }
        if (code == SCARD_E_NO_SMARTCARD || code == NTE_DEVICE_NOT_READY || code == NTE_DEVICE_NOT_FOUND) {
            return new KeyOpenVerdict(Tristate.UNKNOWN,
                    "the device that holds " + container + " is not available: " + error);
        }
        return new KeyOpenVerdict(Tristate.UNKNOWN, container + " could not be opened: " + error);
    }

    private static String keySpec(int keySpec) {
        return switch (keySpec) {
            case AT_KEYEXCHANGE -> "AT_KEYEXCHANGE";
            case AT_SIGNATURE -> "AT_SIGNATURE";
            default -> "key spec " + keySpec;
        };
    }
}
