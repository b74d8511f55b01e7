package io.certaudit.agent.windows;

import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The one kernel32.dll function the audit needs from it directly: freeing what GetNamedSecurityInfo and the SDDL
 * conversion allocated. learn.microsoft.com/windows/win32/api/winbase/nf-winbase-localfree
 */
interface Kernel32Ext extends StdCallLibrary {


    /** {@code HLOCAL LocalFree(HLOCAL)}: returns NULL on success. */
    Pointer LocalFree(Pointer memory);
}
