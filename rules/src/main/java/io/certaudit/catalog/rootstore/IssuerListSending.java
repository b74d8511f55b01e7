package io.certaudit.catalog.rootstore;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.model.WindowsVersion;

/**
 * Whether Schannel on the host sends a trusted issuer list in its CertificateRequest, and from which store, as far as
 * the sources tell, with the reason in words. Microsoft, "Transport Layer Security (TLS) registry settings",
 * SendTrustedIssuerList: "Default Send Trusted Issuer List behavior: Windows Server 2012 and Windows 8 and later:
 * FALSE; Windows Server 2008 R2 and Windows 7 and earlier: TRUE". Microsoft, "What's New in TLS/SSL (Schannel SSP)",
 * Management of trusted issuers for client authentication: "Default value of the SendTrustedIssuerList registry key
 * is now 0 (off by default) instead of 1", and the list comes from the application's own store, else "the Client
 * Authentication Issuers store on the local computer and, if certificates are present, uses that store as the
 * source", else Trusted Root. KB 2880390: on Windows 8 and Windows Server 2012 a Trusted Root store over 16 KB breaks
 * client certificate authentication "regardless of the value of the SendTrustedIssuerList registry entry" (until
 * that article's update is installed, which no source tells).
 *
 * @param sent   whether the list is sent: UNKNOWN when the sources cannot tell
 * @param store  the store the list is built from when it is sent (ROOT or CLIENT_AUTH_ISSUER)
 * @param reason why, in words, for the finding
 */
record IssuerListSending(Tristate sent, StoreName store, String reason) {

    /** Decides for the host the snapshot describes. */
    static IssuerListSending of(HostSnapshot snapshot) {
        SchannelSettings settings = snapshot.schannel();
        WindowsVersion version = snapshot.windowsVersion();
        if (version != null && version.build() == WindowsVersion.WINDOWS_SERVER_2012) {
            return new IssuerListSending(Tristate.YES, StoreName.ROOT, "on " + version.describe() + " (Windows "
                    + "Server 2012 / Windows 8) a Trusted Root store over the limit breaks client certificate "
                    + "authentication whatever SendTrustedIssuerList says, unless the update of KB 2880390 is "
                    + "installed, which the sources do not tell");
        }
        if (settings == null) {
            return new IssuerListSending(Tristate.UNKNOWN, StoreName.ROOT, "whether SChannel sends the list is "
                    + "unknown: the sources hold no SCHANNEL settings (read live, or give a .reg export of " 
                    + SchannelSettings.KEY + ")");
        }
        RegistryDword value = settings.sendTrustedIssuerList();
        String named = SchannelSettings.SEND_TRUSTED_ISSUER_LIST + " (" + settings.origin().label() + ")";
        return switch (value.state()) {
            case VALUE -> value.value() != 0
                    ? new IssuerListSending(Tristate.YES, storeSent(snapshot, version),
                    named + " is " + value.value() + ", so SChannel sends the list")
                    : new IssuerListSending(Tristate.NO, StoreName.ROOT, named + " is 0, so SChannel sends no list"
                    + (version == null ? "; only Windows Server 2012 / Windows 8 without the update of KB 2880390 "
                    + "fails whatever the value, and the sources do not tell the Windows version" : ""));
            case UNREADABLE -> new IssuerListSending(Tristate.UNKNOWN, StoreName.ROOT, named + " is "
                    + value.describe() + ", so whether SChannel sends the list is unknown");
            case ABSENT -> absent(snapshot, version, named);
        };
    }

    private static IssuerListSending absent(HostSnapshot snapshot, WindowsVersion version, String named) {
        if (version == null) {
            return new IssuerListSending(Tristate.UNKNOWN, StoreName.ROOT, named + " is absent, so the Windows "
                    + "version's default applies (sent up to Windows Server 2008 R2, not sent since Windows Server "
                    + "2012), and the sources do not tell the Windows version");
        }
        if (version.build() < WindowsVersion.WINDOWS_SERVER_2012) {
            return new IssuerListSending(Tristate.YES, StoreName.ROOT, named + " is absent, and on "
                    + version.describe() + " SChannel sends the list by default");
        }
        return new IssuerListSending(Tristate.NO, storeSent(snapshot, version), named + " is absent, and since "
                + "Windows Server 2012 SChannel sends no list by default (" + version.describe() + ")");
    }

    /**
     * The store the list is built from: since Windows Server 2012 Client Authentication Issuers when it holds
     * certificates, else Trusted Root. An application's own store (an IIS binding's) is not visible to any source.
     */
    private static StoreName storeSent(HostSnapshot snapshot, WindowsVersion version) {
        boolean clientAuthIssuers = snapshot.storesGiven().contains(StoreName.CLIENT_AUTH_ISSUER)
                && !snapshot.store(StoreName.CLIENT_AUTH_ISSUER).isEmpty();
        return clientAuthIssuers && version != null && version.build() >= WindowsVersion.WINDOWS_SERVER_2012
                ? StoreName.CLIENT_AUTH_ISSUER : StoreName.ROOT;
    }

    /** The settings behind the decision, as evidence. */
    Map<String, String> evidence(HostSnapshot snapshot) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("issuerListSent", sent == Tristate.UNKNOWN ? "unknown" : sent == Tristate.YES ? "yes" : "no");
        evidence.put("issuerListStore", store.name());
        SchannelSettings settings = snapshot.schannel();
        if (settings != null) {
            evidence.put("schannelSource", settings.origin().label() + ": " + settings.where());
            evidence.put(SchannelSettings.SEND_TRUSTED_ISSUER_LIST, settings.sendTrustedIssuerList().describe());
            evidence.put(SchannelSettings.CLIENT_AUTH_TRUST_MODE, settings.clientAuthTrustMode().describe());
        }
        if (snapshot.windowsVersion() != null) {
            evidence.put("windowsVersion", snapshot.windowsVersion().describe());
        }
        return evidence;
    }
}
