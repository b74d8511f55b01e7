package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.WindowsCertificateApi.KeyProviderInfo;
import io.certaudit.agent.windows.WindowsCertificateApi.UniqueKeyName;

class KeyFileLocatorTest {

    private static final int MACHINE = WindowsConstants.CRYPT_MACHINE_KEYSET;
    private final FakeWindowsCertificateApi api = new FakeWindowsCertificateApi();
    private final KeyFileLocator locator = new KeyFileLocator(api);

    @Test
    void aCngMachineKeyIsInCryptoKeys() {
        api.uniqueNames.put("cng-key", UniqueKeyName.of("1a2b_guid"));
        api.files.add("C:\\ProgramData\\Microsoft\\Crypto\\Keys\\1a2b_guid");
        KeyFileLocator.Location location = locator.locate(
                new KeyProviderInfo("cng-key", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, MACHINE, 0));
        assertEquals("C:\\ProgramData\\Microsoft\\Crypto\\Keys\\1a2b_guid", location.path());
    }

    @Test
    void aLocalSystemCngKeyIsInSystemKeys() {
        api.uniqueNames.put("cng-key", UniqueKeyName.of("1a2b_guid"));
        api.files.add("C:\\ProgramData\\Microsoft\\Crypto\\SystemKeys\\1a2b_guid");
        assertEquals("C:\\ProgramData\\Microsoft\\Crypto\\SystemKeys\\1a2b_guid", locator.locate(
                new KeyProviderInfo("cng-key", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, MACHINE, 0)).path());
    }

    @Test
    void aCapiMachineKeyIsInRsaMachineKeysAndADssKeyInDss() {
        api.uniqueNames.put("rsa", UniqueKeyName.of("c0ffee_guid"));
        api.uniqueNames.put("dss", UniqueKeyName.of("d55_guid"));
        api.files.add("C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\c0ffee_guid");
        api.files.add("C:\\ProgramData\\Microsoft\\Crypto\\DSS\\MachineKeys\\d55_guid");
        assertEquals("C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\c0ffee_guid",
                locator.locate(new KeyProviderInfo("rsa", "Microsoft Strong Cryptographic Provider", 1, MACHINE,
                        1)).path());
        assertEquals("C:\\ProgramData\\Microsoft\\Crypto\\DSS\\MachineKeys\\d55_guid",
                locator.locate(new KeyProviderInfo("dss", "Microsoft Enhanced DSS and Diffie-Hellman"
                        + " Cryptographic Provider", WindowsConstants.PROV_DSS_DH, MACHINE, 2)).path());
    }

    @Test
    void tpmAndSmartCardKeysHaveNoFileAndAreNotOpenedForOne() {
        KeyFileLocator.Location tpm = locator.locate(
                new KeyProviderInfo("tpm", WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER, 0, MACHINE, 0));
        assertNull(tpm.path());
        assertTrue(tpm.reason().contains("TPM"));
        KeyFileLocator.Location card = locator.locate(
                new KeyProviderInfo("card", WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER, 0, 0, 0));
        assertTrue(card.reason().contains("smart card"));
    }

    @Test
    void aUserKeysetIsNotSearchedForAndSaysWhy() {
        KeyFileLocator.Location user = locator.locate(
                new KeyProviderInfo("user-key", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, 0, 0));
        assertNull(user.path());
        assertTrue(user.reason().contains("user's key set"));
    }

    @Test
    void anUnreadableNameOrAMissingFileIsExplained() {
        KeyFileLocator.Location unreadable = locator.locate(
                new KeyProviderInfo("gone", WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, MACHINE, 0));
        assertTrue(unreadable.reason().contains("0x80090016"), unreadable.reason());

        api.uniqueNames.put("hsm", UniqueKeyName.of("slot7"));
        KeyFileLocator.Location elsewhere = locator.locate(
                new KeyProviderInfo("hsm", "SafeNet Key Storage Provider", 0, MACHINE, 0));
        assertNull(elsewhere.path());
        assertTrue(elsewhere.reason().contains("no key file slot7"), elsewhere.reason());
        assertTrue(elsewhere.reason().contains("SafeNet Key Storage Provider may keep its keys elsewhere"));
    }
}
