package io.certaudit.agent.source.serialized;

import static io.certaudit.agent.source.serialized.RegExportText.MACHINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreName;

/** The SCHANNEL and Windows version keys of a .reg export, as {@code reg export} writes them. */
class SchannelExportTest {

    private static final String SCHANNEL = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
            + "SecurityProviders\\SCHANNEL";
    private static final String VERSION = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    @TempDir
    Path folder;

    /** What {@code reg export} writes for the key on a Windows Server 2019 host, values as given. */
    private static RegExportText schannelExport(String... values) {
        RegExportText text = new RegExportText().key(SCHANNEL).line("\"EventLogging\"=dword:00000001");
        for (String value : values) {
            text.line(value);
        }
        return text.key(SCHANNEL + "\\Ciphers").key(SCHANNEL + "\\CipherSuites").key(SCHANNEL + "\\Hashes")
                .key(SCHANNEL + "\\KeyExchangeAlgorithms").key(SCHANNEL + "\\Protocols")
                .key(SCHANNEL + "\\Protocols\\SSL 2.0").key(SCHANNEL + "\\Protocols\\SSL 2.0\\Client")
                .line("\"DisabledByDefault\"=dword:00000001");
    }

    private HostSnapshot read(RegExportText text) throws Exception {
        Path file = Files.write(folder.resolve("schannel.reg"), text.utf16());
        return new RegistryExportSource(file).read();
    }

    @Test
    void readsTheValuesOfTheSchannelKeyAndNoStore() throws Exception {
        HostSnapshot snapshot = read(schannelExport("\"SendTrustedIssuerList\"=dword:00000000",
                "\"ClientAuthTrustMode\"=dword:00000002"));

        SchannelSettings settings = snapshot.schannel();
        assertEquals(SchannelSettings.Origin.REG_EXPORT, settings.origin());
        assertTrue(settings.where().endsWith("schannel.reg [" + SCHANNEL + "]"), settings.where());
        assertEquals(RegistryDword.of(0), settings.sendTrustedIssuerList());
        assertEquals(RegistryDword.of(2), settings.clientAuthTrustMode());
        assertEquals(List.of(), snapshot.problems());
        assertEquals(Set.of(), snapshot.storesGiven());
        assertTrue(snapshot.certificates().isEmpty());
    }

    @Test
    void aValueTheKeyDoesNotHoldIsAbsent() throws Exception {
        SchannelSettings settings = read(schannelExport()).schannel();

        assertEquals(RegistryDword.absent(), settings.sendTrustedIssuerList());
        assertEquals(RegistryDword.absent(), settings.clientAuthTrustMode());
        assertEquals(SchannelSettings.TrustMode.MACHINE_TRUST, settings.trustMode());
    }

    @Test
    void aSubkeyValueOfTheSameNameIsNotTheKeysOwn() throws Exception {
        SchannelSettings settings = read(schannelExport().key(SCHANNEL + "\\Protocols\\TLS 1.2\\Server")
                .line("\"ClientAuthTrustMode\"=dword:00000001")).schannel();

        assertEquals(RegistryDword.absent(), settings.clientAuthTrustMode());
    }

    @Test
    void valuesOfAnotherTypeOrMalformedAreUnreadableNamingTheLine() throws Exception {
        SchannelSettings settings = read(schannelExport("\"SendTrustedIssuerList\"=\"1\"",
                "\"ClientAuthTrustMode\"=hex(4):01,00,00,00")).schannel();

        assertEquals(RegistryDword.State.UNREADABLE, settings.sendTrustedIssuerList().state());
        assertTrue(settings.sendTrustedIssuerList().detail().contains("a string (REG_SZ), not a REG_DWORD"),
                settings.sendTrustedIssuerList().detail());
        assertTrue(settings.clientAuthTrustMode().detail().contains("hexadecimal data"),
                settings.clientAuthTrustMode().detail());
        assertNull(settings.trustMode());

        SchannelSettings malformed = read(schannelExport("\"ClientAuthTrustMode\"=dword:1x")).schannel();
        assertTrue(malformed.clientAuthTrustMode().detail().startsWith("line 5: dword data"),
                malformed.clientAuthTrustMode().detail());
    }

    @Test
    void aDwordIsReadAsTheUnsignedNumberItsDigitsSpell() throws Exception {
        SchannelSettings settings = read(schannelExport("\"SendTrustedIssuerList\"=dword:ffffffff")).schannel();

        assertEquals(RegistryDword.of(0xFFFF_FFFFL), settings.sendTrustedIssuerList());
    }

    @Test
    void readsTheWindowsVersionFromTheCurrentVersionKey() throws Exception {
        HostSnapshot snapshot = read(new RegExportText().key(VERSION)
                .line("\"ProductName\"=\"Windows Server 2012 R2 Standard\"")
                .line("\"CurrentBuildNumber\"=\"9600\"").line("\"CurrentMajorVersionNumber\"=dword:00000006"));

        assertEquals(9600, snapshot.windowsVersion().build());
        assertEquals("Windows Server 2012 R2 Standard (build 9600)", snapshot.windowsVersion().describe());
        assertNull(snapshot.schannel());
        assertEquals(List.of(), snapshot.problems());
    }

    @Test
    void aVersionKeyWithoutABuildIsAProblemAndLeavesTheVersionUnknown() throws Exception {
        HostSnapshot snapshot = read(new RegExportText().key(VERSION).line("\"ProductName\"=\"Windows\""));

        assertNull(snapshot.windowsVersion());
        assertTrue(snapshot.problems().get(0).message().contains("no readable CurrentBuildNumber"),
                snapshot.problems().toString());
    }

    @Test
    void oneExportMayHoldStoresTheSettingsAndClientAuthenticationIssuers() throws Exception {
        byte[] root = TestCertificates.der("root.example");
        HostSnapshot snapshot = read(schannelExport("\"ClientAuthTrustMode\"=dword:00000001")
                .key(MACHINE + "ROOT").certificate(MACHINE + "ROOT", root)
                .key(MACHINE + "ClientAuthIssuer").certificate(MACHINE + "ClientAuthIssuer", root));

        assertEquals(RegistryDword.of(1), snapshot.schannel().clientAuthTrustMode());
        assertEquals(1, snapshot.store(StoreName.ROOT).size());
        assertEquals(1, snapshot.store(StoreName.CLIENT_AUTH_ISSUER).size());
        assertEquals(Set.of(StoreName.ROOT, StoreName.CLIENT_AUTH_ISSUER), snapshot.storesGiven());
    }
}
