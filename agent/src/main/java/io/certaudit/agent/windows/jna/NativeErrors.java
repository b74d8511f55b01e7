package io.certaudit.agent.windows.jna;

import java.util.function.IntFunction;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32Util;

import io.certaudit.agent.windows.NativeError;

/** Error codes as {@link NativeError}s, with the message for each from the function the bindings were given. */
final class NativeErrors {

    private final IntFunction<String> messages;

    NativeErrors(IntFunction<String> messages) {
        this.messages = messages;
    }

    /** The error the last call left, read straight after it failed. */
    NativeError last() {
        return of(Native.getLastError());
    }

    NativeError of(int code) {
        return new NativeError(code, messages.apply(code));
    }

    /** The system's message for an error code or HRESULT, or {@code null} when it has none. */
    static String systemMessage(int code) {
        try {
            return Kernel32Util.formatMessage(code);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
