package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.NativeError;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.model.KeyDefect;
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
        assertEquals("the private key opened and matches the certificate (CAPI key, AT_KEYEXCHANGE)",
                capi.evidence());
        assertEquals("the private key opened and matches the certificate (CNG key)", cng.evidence());
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
    void aMissingKeysetIsProofOfAbsenceOnlyInTheMachineKeySetOfASoftwareProvider() {
        KeyProviderInfo userKey = new KeyProviderInfo("le-imported", CAPI_MACHINE_KEY.provider(), 24, 0,
                WindowsConstants.AT_KEYEXCHANGE);
        KeyOpenVerdict user = KeyOpenVerdict.of(KeyOpenResult.failed(new NativeError(WindowsConstants.NTE_BAD_KEYSET,
                "Keyset does not exist")), userKey, true);
        assertEquals(Tristate.UNKNOWN, user.present(), "the audit looked in its own profile only");
        assertTrue(user.evidence().contains("per-user key set"), user.evidence());
        assertTrue(user.evidence().contains("another account's profile"), user.evidence());

        KeyProviderInfo hsm = new KeyProviderInfo("slot7", "SafeNet Key Storage Provider", 0,
                WindowsConstants.CRYPT_MACHINE_KEYSET, 0);
        assertEquals(Tristate.UNKNOWN, KeyOpenVerdict.of(KeyOpenResult.failed(
                new NativeError(WindowsConstants.NTE_BAD_KEYSET, "m")), hsm, true).present());
    }

    @Test
    void aKeyThatIsNotTheCertificatesOwnIsAMismatch() {
        KeyOpenVerdict mismatch = failed(WindowsConstants.NTE_BAD_PUBLIC_KEY, false);
        assertEquals(Tristate.NO, mismatch.present());
        assertEquals(KeyDefect.KEY_MISMATCH, mismatch.defect());
        assertTrue(mismatch.evidence().contains("0x80090015"), mismatch.evidence());
        assertTrue(mismatch.evidence().contains("CRYPT_ACQUIRE_COMPARE_KEY_FLAG"), mismatch.evidence());
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
