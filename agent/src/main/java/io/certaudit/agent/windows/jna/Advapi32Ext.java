package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The advapi32.dll functions jna-platform lacks or binds with types the audit avoids. Handles (HCRYPTPROV,
 * SC_HANDLE) are carried as pointers. Signatures from wincrypt.h, winsvc.h, aclapi.h and sddl.h; documented at
 * learn.microsoft.com/windows/win32/api/{header}/nf-{header}-{name in lower case}.
 */
public interface Advapi32Ext extends StdCallLibrary {

    /**
     * {@code BOOL LookupAccountSidW(LPCWSTR, PSID, LPWSTR, LPDWORD, LPWSTR, LPDWORD, PSID_NAME_USE)}: bound here
     * because jna-platform's Advapi32Util.getAccountBySid turns ERROR_NONE_MAPPED into an account named
     * "NONE_MAPPED" instead of failing (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupaccountsidw).
     */
    boolean LookupAccountSidW(WString systemName, Pointer sid, Pointer name, IntByReference nameLength,
                              Pointer domain, IntByReference domainLength, IntByReference use);

    /** {@code BOOL CryptAcquireContextW(HCRYPTPROV*, LPCWSTR, LPCWSTR, DWORD, DWORD)}. */
    boolean CryptAcquireContextW(PointerByReference provider, WString container, WString providerName,
                                 int providerType, int flags);

    /** {@code BOOL CryptGetProvParam(HCRYPTPROV, DWORD, BYTE*, DWORD*, DWORD)}. */
    boolean CryptGetProvParam(Pointer provider, int parameter, Pointer data, IntByReference dataLength, int flags);

    /** {@code BOOL CryptReleaseContext(HCRYPTPROV, DWORD)}. */
    boolean CryptReleaseContext(Pointer provider, int flags);

    /** {@code SC_HANDLE OpenSCManagerW(LPCWSTR, LPCWSTR, DWORD)}. */
    Pointer OpenSCManagerW(WString machine, WString database, int desiredAccess);

    /** {@code SC_HANDLE OpenServiceW(SC_HANDLE, LPCWSTR, DWORD)}. */
    Pointer OpenServiceW(Pointer manager, WString serviceName, int desiredAccess);

    /** {@code BOOL CloseServiceHandle(SC_HANDLE)}. */
    boolean CloseServiceHandle(Pointer handle);

    /** {@code BOOL QueryServiceConfigW(SC_HANDLE, LPQUERY_SERVICE_CONFIGW, DWORD, LPDWORD)}. */
    boolean QueryServiceConfigW(Pointer service, Pointer config, int size, IntByReference bytesNeeded);

    /** {@code BOOL QueryServiceConfig2W(SC_HANDLE, DWORD, LPBYTE, DWORD, LPDWORD)}. */
    boolean QueryServiceConfig2W(Pointer service, int infoLevel, Pointer buffer, int size, IntByReference bytesNeeded);

    /**
     * {@code DWORD GetNamedSecurityInfoW(LPCWSTR, SE_OBJECT_TYPE, SECURITY_INFORMATION, PSID*, PSID*, PACL*,
     * PACL*, PSECURITY_DESCRIPTOR*)}: returns an error code; the descriptor is freed with LocalFree.
     */
    int GetNamedSecurityInfoW(WString objectName, int objectType, int securityInfo, PointerByReference owner,
                              PointerByReference group, PointerByReference dacl, PointerByReference sacl,
                              PointerByReference securityDescriptor);

    /** {@code DWORD GetSecurityDescriptorLength(PSECURITY_DESCRIPTOR)}. */
    int GetSecurityDescriptorLength(Pointer securityDescriptor);

    /**
     * {@code BOOL ConvertSecurityDescriptorToStringSecurityDescriptorW(PSECURITY_DESCRIPTOR, DWORD,
     * SECURITY_INFORMATION, LPWSTR*, PULONG)}: the string is freed with LocalFree.
     */
    boolean ConvertSecurityDescriptorToStringSecurityDescriptorW(Pointer securityDescriptor, int revision,
                                                                 int securityInfo, PointerByReference string,
                                                                 IntByReference length);

    /**
     * {@code BOOL LookupAccountNameW(LPCWSTR, LPCWSTR, PSID, LPDWORD, LPWSTR, LPDWORD, PSID_NAME_USE)}: bound here so
     * that the lookup goes through the bindings a test can record (learn.microsoft.com/windows/win32/api/winbase/
     * nf-winbase-lookupaccountnamew).
     */
    boolean LookupAccountNameW(WString systemName, WString accountName, Pointer sid, IntByReference sidLength,
                               Pointer domain, IntByReference domainLength, IntByReference use);

    /**
     * {@code BOOL OpenProcessToken(HANDLE, DWORD, PHANDLE)}: the token is closed with CloseHandle
     * (learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-openprocesstoken).
     */
    boolean OpenProcessToken(Pointer process, int desiredAccess, PointerByReference token);

    /**
     * {@code BOOL GetTokenInformation(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD, PDWORD)}
     * (learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-gettokeninformation).
     */
    boolean GetTokenInformation(Pointer token, int informationClass, Pointer information, int length,
                                IntByReference returnLength);
}
