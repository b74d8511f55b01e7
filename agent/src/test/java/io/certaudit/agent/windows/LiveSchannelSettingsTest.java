package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.RegistryValues.RegistryValue;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.WindowsVersion;

class LiveSchannelSettingsTest {

    private static final String SCHANNEL = LiveSchannelSettings.SCHANNEL_KEY;
    private static final String VERSION = LiveSchannelSettings.VERSION_KEY;

    @Test
    void readsBothValuesAsTheRegistryHoldsThem() {
        SchannelSettings settings = LiveSchannelSettings.settings(new FakeRegistryValues()
                .dword(SCHANNEL, "SendTrustedIssuerList", 1).dword(SCHANNEL, "ClientAuthTrustMode", 2));

        assertEquals(SchannelSettings.Origin.LIVE_REGISTRY, settings.origin());
        assertEquals("HKEY_LOCAL_MACHINE\\" + SCHANNEL, settings.where());
        assertEquals(RegistryDword.of(1), settings.sendTrustedIssuerList());
        assertEquals(RegistryDword.of(2), settings.clientAuthTrustMode());
        assertEquals(SchannelSettings.TrustMode.EXCLUSIVE_CA_TRUST, settings.trustMode());
    }

    @Test
    void aValueNotSetIsAbsentSoWindowsDefaultApplies() {
        SchannelSettings settings = LiveSchannelSettings.settings(new FakeRegistryValues().key(SCHANNEL));

        assertEquals(RegistryDword.absent(), settings.sendTrustedIssuerList());
        assertEquals(SchannelSettings.TrustMode.MACHINE_TRUST, settings.trustMode());
    }

    @Test
    void aDwordIsReadUnsignedAndLittleEndian() {
        SchannelSettings settings = LiveSchannelSettings.settings(new FakeRegistryValues()
                .dword(SCHANNEL, "SendTrustedIssuerList", 0xFFFF_FFFEL).dword(SCHANNEL, "ClientAuthTrustMode", 0x102));

        assertEquals(RegistryDword.of(0xFFFF_FFFEL), settings.sendTrustedIssuerList());
        assertEquals(RegistryDword.of(0x102), settings.clientAuthTrustMode());
        assertNull(settings.trustMode(), "0x102 is no documented trust mode");
    }

    @Test
    void aValueOfAnotherTypeOrAFailedReadIsUnreadableWithTheReason() {
        SchannelSettings settings = LiveSchannelSettings.settings(new FakeRegistryValues()
                .string(SCHANNEL, "SendTrustedIssuerList", "1")
                .value(SCHANNEL, "ClientAuthTrustMode", RegistryValue.failed("RegQueryValueExW: error 5")));

        assertEquals(RegistryDword.unreadable("registry type 1, not REG_DWORD"), settings.sendTrustedIssuerList());
        assertEquals(RegistryDword.unreadable("RegQueryValueExW: error 5"), settings.clientAuthTrustMode());
        assertNull(settings.trustMode());
    }

    @Test
    void aDwordOfTheWrongLengthIsUnreadable() {
        SchannelSettings settings = LiveSchannelSettings.settings(new FakeRegistryValues().value(SCHANNEL,
                "SendTrustedIssuerList", RegistryValue.present(RegistryConstants.REG_DWORD, new byte[] {1, 0})));

        assertEquals(RegistryDword.unreadable("a REG_DWORD of 2 bytes, not 4"), settings.sendTrustedIssuerList());
    }

    @Test
    void readsTheWindowsBuildAndProductName() {
        WindowsVersion version = LiveSchannelSettings.version(new FakeRegistryValues()
                .string(VERSION, "CurrentBuildNumber", "14393").string(VERSION, "ProductName",
                        "Windows Server 2016 Standard"));

        assertEquals(14393, version.build());
        assertEquals("Windows Server 2016 Standard (build 14393)", version.describe());
    }

    @Test
    void anUnreadableBuildLeavesTheVersionUnknown() {
        assertNull(LiveSchannelSettings.version(new FakeRegistryValues()));
        assertNull(LiveSchannelSettings.version(new FakeRegistryValues().string(VERSION, "CurrentBuildNumber", "x")));
        assertNull(LiveSchannelSettings.version(new FakeRegistryValues().dword(VERSION, "CurrentBuildNumber", 9600)));
    }
}
