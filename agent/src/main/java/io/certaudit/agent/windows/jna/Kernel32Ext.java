package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The kernel32.dll functions the audit calls directly: freeing what GetNamedSecurityInfo and the SDDL conversion
 * allocated, the process's own token handle, and the computer's name. Documented at
 * learn.microsoft.com/windows/win32/api/{header}/nf-{header}-{name in lower case}.
 */
public interface Kernel32Ext extends StdCallLibrary {


    /** {@code HLOCAL LocalFree(HLOCAL)}: returns NULL on success. */
    Pointer LocalFree(Pointer memory);

    /** {@code HANDLE GetCurrentProcess(void)}: a pseudo handle, which needs no closing (processthreadsapi.h). */
    Pointer GetCurrentProcess();

    /** {@code BOOL CloseHandle(HANDLE)} (handleapi.h). */
    boolean CloseHandle(Pointer handle);

    /** {@code BOOL GetComputerNameW(LPWSTR, LPDWORD)}: the NetBIOS name (winbase.h). */
    boolean GetComputerNameW(Pointer buffer, IntByReference size);
}
