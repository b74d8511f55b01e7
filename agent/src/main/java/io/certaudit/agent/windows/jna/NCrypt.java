package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The ncrypt.dll functions the audit calls (jna-platform has none). NCrypt returns a SECURITY_STATUS and does
 * not set the last error. NCRYPT handles are ULONG_PTR, carried as pointers. Signatures from ncrypt.h;
 * learn.microsoft.com/windows/win32/api/ncrypt/nf-ncrypt-{name in lower case}.
 */
public interface NCrypt extends StdCallLibrary {


    /** {@code SECURITY_STATUS NCryptOpenStorageProvider(NCRYPT_PROV_HANDLE*, LPCWSTR, DWORD)}. */
    int NCryptOpenStorageProvider(PointerByReference provider, WString providerName, int flags);

    /** {@code SECURITY_STATUS NCryptOpenKey(NCRYPT_PROV_HANDLE, NCRYPT_KEY_HANDLE*, LPCWSTR, DWORD, DWORD)}. */
    int NCryptOpenKey(Pointer provider, PointerByReference key, WString keyName, int legacyKeySpec, int flags);

    /** {@code SECURITY_STATUS NCryptGetProperty(NCRYPT_HANDLE, LPCWSTR, PBYTE, DWORD, DWORD*, DWORD)}. */
    int NCryptGetProperty(Pointer object, WString property, Pointer output, int outputSize, IntByReference result,
                          int flags);

    /** {@code SECURITY_STATUS NCryptFreeObject(NCRYPT_HANDLE)}. */
    int NCryptFreeObject(Pointer object);
}
