package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The three advapi32.dll functions a read-only registry read needs, bound here with the types the header lane
 * checks (jna-platform's Advapi32 declares them with its own HKEY types). Each returns a Windows error code
 * (LSTATUS), 0 on success.
 */
public interface Advapi32Registry extends StdCallLibrary {

    /**
     * {@code LSTATUS RegOpenKeyExW(HKEY, LPCWSTR, DWORD, REGSAM, PHKEY)}
     * (learn.microsoft.com/windows/win32/api/winreg/nf-winreg-regopenkeyexw): opens an existing key, never creates.
     */
    int RegOpenKeyExW(Pointer key, WString subKey, int options, int desired, PointerByReference opened);

    /**
     * {@code LSTATUS RegQueryValueExW(HKEY, LPCWSTR, LPDWORD, LPDWORD, LPBYTE, LPDWORD)}
     * (learn.microsoft.com/windows/win32/api/winreg/nf-winreg-regqueryvalueexw): {@code reserved} must be NULL;
     * {@code size} is the buffer's size in, the value's size out.
     */
    int RegQueryValueExW(Pointer key, WString valueName, Pointer reserved, IntByReference type, byte[] data,
                         IntByReference size);

    /** {@code LSTATUS RegCloseKey(HKEY)} (learn.microsoft.com/windows/win32/api/winreg/nf-winreg-regclosekey). */
    int RegCloseKey(Pointer key);
}
