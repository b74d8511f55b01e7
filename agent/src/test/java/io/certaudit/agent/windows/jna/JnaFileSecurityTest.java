package io.certaudit.agent.windows.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.WindowsConstants;

/** The output folder's descriptor, as SDDL (the conversion itself runs on Windows only). */
class JnaFileSecurityTest {

    @Test
    void theFolderIsProtectedAndOnlyAdministratorsSystemAndTheTasksAccountMayWrite() {
        assertEquals("O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;BU)",
                JnaFileSecurity.protectedFolderSddl(null));
        assertEquals(JnaFileSecurity.protectedFolderSddl(null), JnaFileSecurity.protectedFolderSddl("S-1-5-18"));
        assertEquals("O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;BU)(A;OICI;0x1301bf;;;S-1-5-20)",
                JnaFileSecurity.protectedFolderSddl("S-1-5-20"));
        assertEquals(WindowsConstants.FILE_GENERIC_READ | WindowsConstants.FILE_GENERIC_WRITE
                | WindowsConstants.FILE_GENERIC_EXECUTE | WindowsConstants.DELETE,
                Integer.parseInt(JnaFileSecurity.MODIFY.substring(2), 16));
    }
}
