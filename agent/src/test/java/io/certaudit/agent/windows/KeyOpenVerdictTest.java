package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.WindowsCertificateApi.KeyOpenResult;
import io.certaudit.agent.windows.WindowsCertificateApi.KeyProviderInfo;
import io.certaudit.agent.windows.WindowsCertificateApi.NativeError;
import io.certaudit.model.Tristate;

class KeyOpenVerdictTest {

    private static final KeyProviderInfo CAPI_MACHINE_KEY = new KeyProviderInfo("bems-key",
            "Microsoft Enhanced RSA and AES Cryptographic Provider", 24, WindowsConstants.CRYPT_MACHINE_KEYSET,
            WindowsConstants.AT_KEYEXCHANGE);

    private static KeyOpenVerdict failed(int code, boolean elevated) {
        return KeyOpenVerdict.of(KeyOpenResult.failed(new NativeError(code, "message")), CAPI_MACHINE_KEY, elevated);
    }

    @Test
    void aKeyThatOpensIsPresentAndItsKindIsNamed() {
        KeyOpenVerdict capi = KeyOpenVerdict.of(KeyOpenResult.opened(WindowsConstants.AT_KEYEXCHANGE),
                CAPI_MACHINE_KEY, false);
        KeyOpenVerdict cng = KeyOpenVerdict.of(KeyOpenResult.opened(WindowsConstants.CERT_NCRYPT_KEY_SPEC),
                CAPI_MACHINE_KEY, false);
        assertEquals(Tristate.YES, capi.present());
        assertEquals("the private key opened (CAPI key, AT_KEYEXCHANGE)", capi.evidence());
        assertEquals("the private key opened (CNG key)", cng.evidence());
    }

    @Test
    void noKeyPropertyMeansNoKey() {
        assertEquals(Tristate.NO, failed(WindowsConstants.CRYPT_E_NO_KEY_PROPERTY, false).present());
        assertEquals(Tristate.NO, KeyOpenVerdict.of(KeyOpenResult.failed(
                new NativeError(WindowsConstants.CRYPT_E_NO_KEY_PROPERTY, "m")), null, false).present());
    }

    @Test
    void aMissingKeysetIsMissingOnlyWhenTheAuditRunsElevated() {
        assertEquals(Tristate.NO, failed(WindowsConstants.NTE_BAD_KEYSET, true).present());
        KeyOpenVerdict notElevated = failed(WindowsConstants.NTE_BAD_KEYSET, false);
        assertEquals(Tristate.UNKNOWN, notElevated.present());
        assertTrue(notElevated.evidence().contains("run the audit as administrator"), notElevated.evidence());
        assertTrue(notElevated.evidence().contains("0x80090016"), notElevated.evidence());
    }

    @Test
    void accessDeniedIsUnknownNeverMissing() {
        for (int code : new int[] {WindowsConstants.E_ACCESSDENIED, WindowsConstants.NTE_PERM,
                WindowsConstants.ERROR_ACCESS_DENIED}) {
            KeyOpenVerdict verdict = failed(code, false);
            assertEquals(Tristate.UNKNOWN, verdict.present());
            assertTrue(verdict.evidence().contains("run the audit as administrator"), verdict.evidence());
        }
        assertTrue(failed(WindowsConstants.E_ACCESSDENIED, true).evidence().contains("even administrators"));
    }

    @Test
    void keysThatNeedAPromptOrAnAbsentDeviceAreUnknown() {
        KeyOpenVerdict prompt = failed(WindowsConstants.NTE_SILENT_CONTEXT, true);
        assertEquals(Tristate.UNKNOWN, prompt.present());
        assertTrue(prompt.evidence().contains("prompt"));
        KeyOpenVerdict card = failed(WindowsConstants.SCARD_E_NO_SMARTCARD, true);
        assertEquals(Tristate.UNKNOWN, card.present());
        assertTrue(card.evidence().contains("not available"));
    }

    @Test
    void anyOtherErrorIsUnknownWithTheError() {
        KeyOpenVerdict other = failed(0x80090020, true);
        assertEquals(Tristate.UNKNOWN, other.present());
        assertTrue(other.evidence().contains("0x80090020"));
    }
}
