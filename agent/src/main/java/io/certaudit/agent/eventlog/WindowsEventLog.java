package io.certaudit.agent.eventlog;

/**
 * What the audit and the installer ask of the Windows event log, as plain values: write one event under the
 * {@code certaudit} source of the Application log, and register or remove that source. {@link JnaWindowsEventLog}
 * binds it to advapi32; tests on any OS use a fake, and {@link #unavailable(String)} stands in where there is no
 * event log.
 */
public interface WindowsEventLog {

    /** The event source every certaudit event carries. */
    String SOURCE = "certaudit";

    /** The source's registry key under HKEY_LOCAL_MACHINE. */
    String SOURCE_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\" + SOURCE;

    /**
     * The message file the source names: the .NET Framework 4 file whose every message id is the bare insertion
     * string "%1", the one .NET's EventLog.CreateEventSource registers, present on every supported Windows Server.
     * Event Viewer then shows the event's text as written. REG_EXPAND_SZ, as MS-EVEN 3.2.4.1.4 requires.
     */
    String MESSAGE_FILE = "%SystemRoot%\\Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll";

    /** Writes one event to the Application log under {@link #SOURCE}. */
    void report(EventEntry entry) throws EventLogException;

    /** Creates or updates the source's registry key (EventMessageFile, TypesSupported). Needs administrator rights. */
    void registerSource() throws EventLogException;

    /** Removes the source's registry key; {@code false} when it was not there. */
    boolean unregisterSource() throws EventLogException;

    /** Whether the source's registry key exists. */
    boolean isSourceRegistered() throws EventLogException;

    /** An event log that refuses every call with {@code reason}: what stands in for it off Windows. */
    static WindowsEventLog unavailable(String reason) {
        return new WindowsEventLog() {
            @Override
            public void report(EventEntry entry) throws EventLogException {
                throw new EventLogException(reason);
            }

            @Override
            public void registerSource() throws EventLogException {
                throw new EventLogException(reason);
            }

            @Override
            public boolean unregisterSource() throws EventLogException {
                throw new EventLogException(reason);
            }

            @Override
            public boolean isSourceRegistered() throws EventLogException {
                throw new EventLogException(reason);
            }
        };
    }
}
