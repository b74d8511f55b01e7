package io.certaudit.agent.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.certaudit.agent.eventlog.FakeEventLog;
import io.certaudit.agent.eventlog.WindowsEventLog;
import io.certaudit.agent.install.FakeFileSecurity;
import io.certaudit.agent.install.FakeScheduledTasks;
import io.certaudit.agent.install.FileSecurity;
import io.certaudit.agent.install.ScheduledTasks;
import io.certaudit.agent.windows.LiveStores;
import io.certaudit.agent.windows.jna.JnaWindows;

/**
 * Platforms for command tests: a Windows whose event log, Task Scheduler, file security and (when given) certificate
 * stores are fakes, or Linux.
 */
final class TestPlatforms {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private TestPlatforms() {
    }

    static Platform windows(FakeScheduledTasks tasks, FakeEventLog events, Map<String, String> environment) {
        return windows(tasks, events, new FakeFileSecurity(), environment);
    }

    static Platform windows(FakeScheduledTasks tasks, FakeEventLog events, FakeFileSecurity files,
                            Map<String, String> environment) {
        String os = System.getProperty("os.name");
        return windows(tasks, events, files, environment,
                os.startsWith("Windows") ? JnaWindows.liveStores() : LiveStores.unavailable(os));
    }

    /** A Windows whose certificate stores are {@code stores}. */
    static Platform windows(FakeScheduledTasks tasks, FakeEventLog events, FakeFileSecurity files,
                            Map<String, String> environment, LiveStores stores) {
        return new Platform("Windows Server 2022", environment::get, Clock.fixed(NOW, ZoneOffset.UTC), stores, events,
                tasks, files, "C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe",
                "C:\\Program Files\\certaudit\\lib\\certaudit.jar");
    }

    static Platform linux() {
        return new Platform("Linux", Map.<String, String>of()::get, Clock.fixed(NOW, ZoneOffset.UTC),
                LiveStores.unavailable("Linux"),
                WindowsEventLog.unavailable("the Windows event log: this needs Windows (this is Linux)"),
                ScheduledTasks.unavailable("Task Scheduler: this needs Windows (this is Linux)"),
                FileSecurity.unavailable("Windows file security: this needs Windows (this is Linux)"),
                "/usr/lib/jvm/java-17/bin/java", "/opt/certaudit/lib/certaudit.jar");
    }
}
