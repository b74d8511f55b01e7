package io.certaudit.agent.eventlog;

/**
 * The event types ReportEventW takes, with their winnt.h values (learn.microsoft.com/windows/win32/api/winbase/
 * nf-winbase-reporteventw, wType).
 */
public enum EventType {
    /** EVENTLOG_ERROR_TYPE. */
    ERROR(0x0001),
    /** EVENTLOG_WARNING_TYPE. */
    WARNING(0x0002),
    /** EVENTLOG_INFORMATION_TYPE. */
    INFORMATION(0x0004);

    /** The source's TypesSupported registry value: the three types above, OR-ed. */
    public static final int ALL_SUPPORTED = 0x0007;

    private final int windowsValue;

    EventType(int windowsValue) {
        this.windowsValue = windowsValue;
    }

    public int windowsValue() {
        return windowsValue;
    }
}
