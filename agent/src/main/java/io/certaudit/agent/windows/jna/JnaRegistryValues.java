package io.certaudit.agent.windows.jna;

import static io.certaudit.agent.windows.RegistryConstants.ERROR_FILE_NOT_FOUND;
import static io.certaudit.agent.windows.RegistryConstants.ERROR_MORE_DATA;
import static io.certaudit.agent.windows.RegistryConstants.ERROR_SUCCESS;
import static io.certaudit.agent.windows.RegistryConstants.KEY_QUERY_VALUE;
import static io.certaudit.agent.windows.RegistryConstants.KEY_WOW64_64KEY;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.RegistryValues;

/**
 * {@link RegistryValues} through advapi32: {@code RegOpenKeyExW} with {@code KEY_QUERY_VALUE | KEY_WOW64_64KEY}
 * (read only, the 64-bit view), {@code RegQueryValueExW} into a buffer of at most {@link #MAX_VALUE_BYTES}, and
 * {@code RegCloseKey} on every path.
 */
public final class JnaRegistryValues implements RegistryValues {

    /** The largest value read: the settings read are DWORDs and short strings; anything larger is not theirs. */
    static final int MAX_VALUE_BYTES = 4096;

    private final Advapi32Registry advapi32;
    private final Pointer root;
    private final IntFunction<String> messages;

    /** Reads this machine's registry. */
    public JnaRegistryValues() {
        this(JnaWindows.load("advapi32", Advapi32Registry.class),
                WinReg.HKEY_LOCAL_MACHINE.getPointer(), NativeErrors::systemMessage);
    }

    JnaRegistryValues(Advapi32Registry advapi32, Pointer root, IntFunction<String> messages) {
        this.advapi32 = Objects.requireNonNull(advapi32, "advapi32");
        this.root = Objects.requireNonNull(root, "root");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public RegistryValue read(String subKey, String name) {
        PointerByReference opened = new PointerByReference();
        int status = advapi32.RegOpenKeyExW(root, new WString(subKey), 0, KEY_QUERY_VALUE | KEY_WOW64_64KEY, opened);
        if (status == ERROR_FILE_NOT_FOUND) {
            return RegistryValue.keyAbsent();
        }
        if (status != ERROR_SUCCESS) {
            return RegistryValue.failed("RegOpenKeyExW: " + describe(status));
        }
        Pointer key = opened.getValue();
        try {
            IntByReference type = new IntByReference();
            byte[] buffer = new byte[MAX_VALUE_BYTES];
            IntByReference size = new IntByReference(buffer.length);
            status = advapi32.RegQueryValueExW(key, new WString(name), null, type, buffer, size);
            if (status == ERROR_FILE_NOT_FOUND) {
                return RegistryValue.valueAbsent();
            }
            if (status == ERROR_MORE_DATA) {
                return RegistryValue.failed("the value is larger than " + MAX_VALUE_BYTES + " bytes");
            }
            if (status != ERROR_SUCCESS) {
                return RegistryValue.failed("RegQueryValueExW: " + describe(status));
            }
            int length = Math.max(0, Math.min(size.getValue(), buffer.length));
            return RegistryValue.present(type.getValue(), Arrays.copyOf(buffer, length));
        } finally {
            advapi32.RegCloseKey(key);
        }
    }

    private String describe(int code) {
        String message = messages.apply(code);
        return "error " + code + (message == null ? "" : " (" + message.strip() + ")");
    }
}
