package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;

/** Key files where Microsoft's "Key Storage and Retrieval" table puts each key set. */
class KeyFileLocatorTest {

    private static final int MACHINE = WindowsConstants.CRYPT_MACHINE_KEYSET;
    private static final String CRYPTO = "C:\\ProgramData\\Microsoft\\Crypto\\";
    private static final String RSA_CSP = "Microsoft Enhanced RSA and AES Cryptographic Provider";
    private static final String DH_SCHANNEL_CSP = "Microsoft DH SChannel Cryptographic Provider";
    private final FakeWindowsCertificateApi api = new FakeWindowsCertificateApi();
    private final KeyFileLocator locator = new KeyFileLocator(api, api);

    private static KeyProviderInfo cng(String name, int flags) {
        return new KeyProviderInfo(name, WindowsConstants.MS_KEY_STORAGE_PROVIDER, 0, flags, 0);
    }

    @Test
    void aCngMachineKeyIsInCryptoKeys() {
        api.uniqueNames.put("cng-key", UniqueKeyName.of("1a2b_guid"));
        api.files.add(CRYPTO + "Keys\\1a2b_guid");
        assertEquals(CRYPTO + "Keys\\1a2b_guid", locator.locate(cng("cng-key", MACHINE), null).path());
    }

    @Test
    void localSystemsOwnKeySetsAreNotMachineKeys() {
        api.uniqueNames.put("cng-key", UniqueKeyName.of("1a2b_guid"));
        api.uniqueNames.put("rsa", UniqueKeyName.of("c0ffee_guid"));
        api.files.add(CRYPTO + "SystemKeys\\1a2b_guid");
        api.files.add(CRYPTO + "RSA\\S-1-5-18\\c0ffee_guid");

        KeyFileLocator.Location machine = locator.locate(cng("cng-key", MACHINE), null);
        assertNull(machine.path(), "a machine key is never looked for among LocalSystem's own keys");
        assertTrue(machine.reason().contains(CRYPTO + "Keys"), machine.reason());
        assertNull(locator.locate(new KeyProviderInfo("rsa", RSA_CSP, 24, MACHINE, 1), null).path());

        assertEquals(CRYPTO + "SystemKeys\\1a2b_guid", locator.locate(cng("cng-key", 0), Sid.LOCAL_SYSTEM).path());
        assertEquals(CRYPTO + "RSA\\S-1-5-18\\c0ffee_guid",
                locator.locate(new KeyProviderInfo("rsa", RSA_CSP, 24, 0, 1), Sid.LOCAL_SYSTEM).path());
    }

    @Test
    void localServiceAndNetworkServiceKeepTheirKeysInTheirServiceProfiles() {
        api.uniqueNames.put("cng-key", UniqueKeyName.of("1a2b_guid"));
        api.uniqueNames.put("rsa", UniqueKeyName.of("c0ffee_guid"));
        api.files.add("C:\\Windows\\ServiceProfiles\\LocalService\\AppData\\Roaming\\Microsoft\\Crypto\\Keys\\1a2b_guid");
        api.files.add(CRYPTO + "RSA\\S-1-5-20\\c0ffee_guid");

        assertEquals("C:\\Windows\\ServiceProfiles\\LocalService\\AppData\\Roaming\\Microsoft\\Crypto\\Keys\\1a2b_guid",
                locator.locate(cng("cng-key", 0), Sid.LOCAL_SERVICE).path());
        assertEquals(CRYPTO + "RSA\\S-1-5-20\\c0ffee_guid",
                locator.locate(new KeyProviderInfo("rsa", RSA_CSP, 24, 0, 1), Sid.NETWORK_SERVICE).path());
        KeyFileLocator.Location network = locator.locate(cng("cng-key", 0), Sid.NETWORK_SERVICE);
        assertTrue(network.reason().contains("C:\\Windows\\ServiceProfiles\\NetworkService"), network.reason());
    }

    @Test
    void aCapiMachineKeyIsInRsaMachineKeysAndEveryDssFamilyKeyInDss() {
        api.uniqueNames.put("rsa", UniqueKeyName.of("c0ffee_guid"));
        api.uniqueNames.put("dss", UniqueKeyName.of("d55_guid"));
        api.uniqueNames.put("dh", UniqueKeyName.of("d4_guid"));
        api.files.add(CRYPTO + "RSA\\MachineKeys\\c0ffee_guid");
        api.files.add(CRYPTO + "DSS\\MachineKeys\\d55_guid");
        api.files.add(CRYPTO + "DSS\\MachineKeys\\d4_guid");
        assertEquals(CRYPTO + "RSA\\MachineKeys\\c0ffee_guid",
                locator.locate(new KeyProviderInfo("rsa", "Microsoft Strong Cryptographic Provider", 1, MACHINE,
                        1), null).path());
        assertEquals(CRYPTO + "DSS\\MachineKeys\\d55_guid",
                locator.locate(new KeyProviderInfo("dss", "Microsoft Enhanced DSS and Diffie-Hellman"
                        + " Cryptographic Provider", WindowsConstants.PROV_DSS_DH, MACHINE, 2), null).path());
        assertEquals(CRYPTO + "DSS\\MachineKeys\\d4_guid", locator.locate(new KeyProviderInfo("dh", DH_SCHANNEL_CSP,
                WindowsConstants.PROV_DH_SCHANNEL, MACHINE, 1), null).path());
    }

    @Test
    void tpmAndSmartCardKeysHaveNoFileAndAreNotOpenedForOne() {
        KeyFileLocator.Location tpm = locator.locate(
                new KeyProviderInfo("tpm", WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER, 0, MACHINE, 0), null);
        assertNull(tpm.path());
        assertTrue(tpm.reason().contains("TPM"));
        KeyFileLocator.Location card = locator.locate(
                new KeyProviderInfo("card", WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER, 0, 0, 0), null);
        assertTrue(card.reason().contains("smart card"));
    }

    @Test
    void anotherUsersKeySetIsNotSearchedAndItsNameNotAskedFor() {
        api.uniqueNames.put("user-key", UniqueKeyName.of("would-be-the-audits-own"));
        KeyFileLocator.Location user = locator.locate(cng("user-key", 0), null);
        assertNull(user.path());
        assertTrue(user.reason().contains("per-user key set"), user.reason());
        assertNull(locator.locate(cng("user-key", 0), "S-1-5-21-1-2-3-1104").path());
    }

    @Test
    void anUnreadableNameOrAMissingFileIsExplained() {
        KeyFileLocator.Location unreadable = locator.locate(cng("gone", MACHINE), null);
        assertTrue(unreadable.reason().contains("0x80090016"), unreadable.reason());

        api.uniqueNames.put("hsm", UniqueKeyName.of("slot7"));
        KeyFileLocator.Location elsewhere = locator.locate(
                new KeyProviderInfo("hsm", "SafeNet Key Storage Provider", 0, MACHINE, 0), null);
        assertNull(elsewhere.path());
        assertTrue(elsewhere.reason().contains("no key file slot7"), elsewhere.reason());
        assertTrue(elsewhere.reason().contains("SafeNet Key Storage Provider may keep its keys elsewhere"));
    }
}
