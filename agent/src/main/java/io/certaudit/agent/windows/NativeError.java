package io.certaudit.agent.windows;

/** A Win32 error or HRESULT with the system's message for it. */
public record NativeError(int code, String message) {
    public NativeError {
        message = message == null || message.isBlank() ? "no message" : message.strip();
    }

    /** {@code 0x80090016 (Keyset does not exist)}. */
    public String describe() {
        String hex = code >= 0 && code < 0x10000 ? Integer.toString(code) : String.format("0x%08X", code);
        return hex + " (" + message + ")";
    }
}
