package io.certaudit.agent.eventlog;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinReg;

/**
 * The event log through advapi32, as jna-platform binds it (W functions): RegisterEventSourceW, ReportEventW and
 * DeregisterEventSource for each event (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-registereventsourcew,
 * nf-winbase-reporteventw), and the registry functions for the source's key (learn.microsoft.com/windows/win32/
 * eventlog/event-sources: EventMessageFile REG_EXPAND_SZ, TypesSupported REG_DWORD).
 */
public final class JnaWindowsEventLog implements WindowsEventLog {

    private static final String APPLICATION_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application";

    @Override
    public void report(EventEntry entry) throws EventLogException {
        HANDLE source = Advapi32.INSTANCE.RegisterEventSource(null, SOURCE);
        if (source == null) {
            throw failure("RegisterEventSource(" + SOURCE + ")");
        }
        try {
            boolean written = Advapi32.INSTANCE.ReportEvent(source, entry.type().windowsValue(), 0, entry.eventId(),
                    null, 1, 0, new String[] {entry.message()}, null);
            if (!written) {
                throw failure("ReportEvent");
            }
        } finally {
            Advapi32.INSTANCE.DeregisterEventSource(source);
        }
    }

    @Override
    public void registerSource() throws EventLogException {
        try {
            Advapi32Util.registryCreateKey(WinReg.HKEY_LOCAL_MACHINE, APPLICATION_KEY, SOURCE);
            Advapi32Util.registrySetExpandableStringValue(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY, "EventMessageFile",
                    MESSAGE_FILE);
            Advapi32Util.registrySetIntValue(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY, "TypesSupported",
                    EventType.ALL_SUPPORTED);
        } catch (Win32Exception e) {
            throw new EventLogException("cannot register the event source HKLM\\" + SOURCE_KEY + ": "
                    + e.getMessage() + " (run as administrator)", e);
        }
    }

    @Override
    public boolean unregisterSource() throws EventLogException {
        try {
            if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY)) {
                return false;
            }
            Advapi32Util.registryDeleteKey(WinReg.HKEY_LOCAL_MACHINE, APPLICATION_KEY, SOURCE);
            return true;
        } catch (Win32Exception e) {
            throw new EventLogException("cannot remove the event source HKLM\\" + SOURCE_KEY + ": "
                    + e.getMessage() + " (run as administrator)", e);
        }
    }

    @Override
    public boolean isSourceRegistered() throws EventLogException {
        try {
            return Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY);
        } catch (Win32Exception e) {
            throw new EventLogException("cannot read HKLM\\" + SOURCE_KEY + ": " + e.getMessage(), e);
        }
    }

    private static EventLogException failure(String call) {
        int error = Native.getLastError();
        return new EventLogException(call + " failed: " + error + " (" + Kernel32Util.formatMessage(error).strip()
                + ")");
    }
}
