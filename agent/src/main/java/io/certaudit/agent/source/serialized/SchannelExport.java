package io.certaudit.agent.source.serialized;

import java.util.Locale;
import java.util.Optional;

import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.WindowsVersion;

/**
 * The registry keys of a {@code .reg} export that are not certificate stores but decide how they are judged: the
 * SCHANNEL key ({@code reg export HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL schannel.reg})
 * and the Windows version ({@code reg export "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" version.reg}).
 * An export of the key holds every value it has, so a value the export lacks is absent on the host. {@code reg
 * export} writes a REG_DWORD as {@code dword:} and eight hexadecimal digits (Wine's {@code programs/reg/export.c});
 * any other form of a value that Schannel reads as a REG_DWORD is recorded as unreadable, with what it is.
 */
final class SchannelExport {

    private static final String SCHANNEL_PATH = "system\\currentcontrolset\\control\\securityproviders\\schannel";
    private static final String VERSION_PATH = "software\\microsoft\\windows nt\\currentversion";

    private SchannelExport() {
    }

    /** Whether {@code path} is the SCHANNEL key of HKEY_LOCAL_MACHINE. */
    static boolean isSchannelKey(String path) {
        return underLocalMachine(path).map(SCHANNEL_PATH::equals).orElse(false);
    }

    /** Whether {@code path} is the key that names the Windows product and build. */
    static boolean isVersionKey(String path) {
        return underLocalMachine(path).map(VERSION_PATH::equals).orElse(false);
    }

    private static Optional<String> underLocalMachine(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String root : new String[] {"hkey_local_machine\\", "hklm\\"}) {
            if (lower.startsWith(root)) {
                return Optional.of(lower.substring(root.length()));
            }
        }
        return Optional.empty();
    }

    /** The settings the SCHANNEL key of the export holds. */
    static SchannelSettings settings(RegFileParser.RegistryKey key, String file) {
        return new SchannelSettings(SchannelSettings.Origin.REG_EXPORT, file + " [" + key.path() + "]",
                dword(key.value(SchannelSettings.SEND_TRUSTED_ISSUER_LIST)),
                dword(key.value(SchannelSettings.CLIENT_AUTH_TRUST_MODE)));
    }

    /** The Windows version the CurrentVersion key of the export names, or empty without a readable build. */
    static Optional<WindowsVersion> version(RegFileParser.RegistryKey key, String file) {
        String build = string(key.value("CurrentBuildNumber"));
        if (build == null || !build.matches("[0-9]{1,9}") || Integer.parseInt(build) == 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowsVersion(Integer.parseInt(build), string(key.value("ProductName")),
                file + " [" + key.path() + "]"));
    }

    static RegistryDword dword(RegFileParser.RegistryValue value) {
        if (value == null) {
            return RegistryDword.absent();
        }
        String text = value.text();
        if (text == null) {
            return RegistryDword.unreadable("line " + value.line() + ": hexadecimal data, not a dword: value");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dword:")) {
            String digits = text.substring("dword:".length()).strip();
            if (digits.matches("[0-9a-fA-F]{1,8}")) {
                return RegistryDword.of(Long.parseLong(digits, 16));
            }
            return RegistryDword.unreadable("line " + value.line() + ": dword data that is not 1 to 8 hexadecimal "
                    + "digits");
        }
        return RegistryDword.unreadable("line " + value.line() + ": " + (text.startsWith("\"") ? "a string (REG_SZ)"
                : "data of no known type") + ", not a REG_DWORD");
    }

    /** A string value's text, or {@code null} when the value is absent or not a string. */
    private static String string(RegFileParser.RegistryValue value) {
        if (value == null || value.text() == null) {
            return null;
        }
        String text = value.text().strip();
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            return null;
        }
        String unquoted = RegFileParser.unescape(text.substring(1, text.length() - 1)).strip();
        return unquoted.isEmpty() ? null : unquoted;
    }
}
