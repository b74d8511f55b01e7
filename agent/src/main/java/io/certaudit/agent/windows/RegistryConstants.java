package io.certaudit.agent.windows;

/**
 * The constants of winnt.h and winerror.h the registry reads use, named as the headers name them;
 * {@code WindowsHeadersTest} compiles each against mingw-w64's headers. Microsoft: "Registry Value Types"
 * (learn.microsoft.com/windows/win32/sysinfo/registry-value-types), "Registry Key Security and Access Rights"
 * (learn.microsoft.com/windows/win32/sysinfo/registry-key-security-and-access-rights), "Accessing an Alternate
 * Registry View" (learn.microsoft.com/windows/win32/winprog64/accessing-an-alternate-registry-view).
 */
public final class RegistryConstants {

    private RegistryConstants() {
    }

    /** {@code REG_SZ 1}: a NUL-terminated UTF-16LE string. */
    public static final int REG_SZ = 1;
    /** {@code REG_EXPAND_SZ 2}: a string with unexpanded environment variables. */
    public static final int REG_EXPAND_SZ = 2;
    /** {@code REG_BINARY 3}. */
    public static final int REG_BINARY = 3;
    /** {@code REG_DWORD 4}: a 32-bit number, little-endian. */
    public static final int REG_DWORD = 4;
    /** {@code KEY_QUERY_VALUE 0x1}: "Required to query the values of a registry key"; all the reads ask for. */
    public static final int KEY_QUERY_VALUE = 0x0001;
    /**
     * {@code KEY_WOW64_64KEY 0x100}: "Access a 64-bit key from either a 32-bit or 64-bit application", so a 32-bit JVM
     * reads the same SOFTWARE keys Windows itself uses; ignored on 32-bit Windows.
     */
    public static final int KEY_WOW64_64KEY = 0x0100;
    /** {@code ERROR_SUCCESS 0}. */
    public static final int ERROR_SUCCESS = 0;
    /** {@code ERROR_FILE_NOT_FOUND 2}: no such key, or no such value. */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** {@code ERROR_MORE_DATA 234}: the value is larger than the buffer. */
    public static final int ERROR_MORE_DATA = 234;
}
