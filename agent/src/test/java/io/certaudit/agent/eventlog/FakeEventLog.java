package io.certaudit.agent.eventlog;

import java.util.ArrayList;
import java.util.List;

/** The event log in memory. */
public final class FakeEventLog implements WindowsEventLog {

    public final List<EventEntry> events = new ArrayList<>();
    public boolean registered;

    @Override
    public void report(EventEntry entry) {
        events.add(entry);
    }

    @Override
    public void registerSource() {
        registered = true;
    }

    @Override
    public boolean unregisterSource() {
        boolean was = registered;
        registered = false;
        return was;
    }

    @Override
    public boolean isSourceRegistered() {
        return registered;
    }
}
