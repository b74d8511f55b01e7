package io.certaudit.agent.windows;

import java.nio.charset.StandardCharsets;

import io.certaudit.agent.windows.RegistryValues.RegistryValue;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.WindowsVersion;

/**
 * Reads the SCHANNEL settings and the Windows version from this machine's registry, read-only, into the model's
 * facts. A value that is there with another type than the one Windows reads it as, or that cannot be read, is
 * recorded as unreadable with the reason: what Schannel makes of it is not documented, so no rule guesses.
 */
public final class LiveSchannelSettings {

    /** The SCHANNEL key under HKEY_LOCAL_MACHINE (Microsoft, "Transport Layer Security (TLS) registry settings"). */
    public static final String SCHANNEL_KEY = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    /** The key that names the Windows product and build, under HKEY_LOCAL_MACHINE. */
    public static final String VERSION_KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private LiveSchannelSettings() {
    }

    /** The settings as this machine's registry holds them. */
    public static SchannelSettings settings(RegistryValues registry) {
        return new SchannelSettings(SchannelSettings.Origin.LIVE_REGISTRY, "HKEY_LOCAL_MACHINE\\" + SCHANNEL_KEY,
                dword(registry.read(SCHANNEL_KEY, SchannelSettings.SEND_TRUSTED_ISSUER_LIST)),
                dword(registry.read(SCHANNEL_KEY, SchannelSettings.CLIENT_AUTH_TRUST_MODE)));
    }

    /** The Windows version, or {@code null} when the build number cannot be read. */
    public static WindowsVersion version(RegistryValues registry) {
        String build = text(registry.read(VERSION_KEY, "CurrentBuildNumber"));
        if (build == null || !build.matches("[0-9]{1,9}") || Integer.parseInt(build) == 0) {
            return null;
        }
        return new WindowsVersion(Integer.parseInt(build), text(registry.read(VERSION_KEY, "ProductName")),
                "HKEY_LOCAL_MACHINE\\" + VERSION_KEY);
    }

    static RegistryDword dword(RegistryValue value) {
        return switch (value.status()) {
            case VALUE_ABSENT, KEY_ABSENT -> RegistryDword.absent();
            case FAILED -> RegistryDword.unreadable(value.error());
            case PRESENT -> {
                byte[] data = value.data();
                if (value.type() != RegistryConstants.REG_DWORD) {
                    yield RegistryDword.unreadable("registry type " + value.type() + ", not REG_DWORD");
                }
                if (data.length != 4) {
                    yield RegistryDword.unreadable("a REG_DWORD of " + data.length + " bytes, not 4");
                }
                yield RegistryDword.of((data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16
                        | (data[3] & 0xFFL) << 24);
            }
        };
    }

    /** A REG_SZ value's text without its terminating NUL, or {@code null} when it is not a readable string. */
    private static String text(RegistryValue value) {
        if (value.status() != RegistryValues.Status.PRESENT || value.type() != RegistryConstants.REG_SZ) {
            return null;
        }
        String text = new String(value.data(), StandardCharsets.UTF_16LE);
        int end = text.indexOf('\0');
        text = (end < 0 ? text : text.substring(0, end)).strip();
        return text.isEmpty() ? null : text;
    }
}
