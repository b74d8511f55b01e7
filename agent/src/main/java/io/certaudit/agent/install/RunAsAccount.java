package io.certaudit.agent.install;

import java.util.Locale;
import java.util.Map;

/**
 * The account the scheduled task runs as, as the task's Principal element carries it.
 *
 * <ul>
 *   <li>SYSTEM, LOCAL SERVICE, NETWORK SERVICE: their well-known SIDs (S-1-5-18, -19, -20) and no LogonType, as
 *       Task Scheduler itself writes them; no password.</li>
 *   <li>A group managed service account ({@code DOMAIN\name$}): LogonType Password with no password given; Task
 *       Scheduler fetches the managed password from the domain.</li>
 *   <li>Any other account: LogonType Password, and schtasks asks for the password ({@code /RP *}) so that it is
 *       never on a command line.</li>
 * </ul>
 * LogonType values: learn.microsoft.com/windows/win32/taskschd/taskschedulerschema-logontype-simpletype.
 */
public record RunAsAccount(String userId, String displayName, String logonType, boolean promptsForPassword) {

    public static final RunAsAccount SYSTEM = new RunAsAccount("S-1-5-18", "SYSTEM", null, false);
    public static final RunAsAccount LOCAL_SERVICE = new RunAsAccount("S-1-5-19", "LOCAL SERVICE", null, false);
    public static final RunAsAccount NETWORK_SERVICE = new RunAsAccount("S-1-5-20", "NETWORK SERVICE", null, false);

    private static final Map<String, RunAsAccount> BUILT_IN = Map.ofEntries(
            Map.entry("system", SYSTEM), Map.entry("nt authority\\system", SYSTEM),
            Map.entry("localsystem", SYSTEM), Map.entry("s-1-5-18", SYSTEM),
            Map.entry("local service", LOCAL_SERVICE), Map.entry("localservice", LOCAL_SERVICE),
            Map.entry("nt authority\\local service", LOCAL_SERVICE),
            Map.entry("nt authority\\localservice", LOCAL_SERVICE), Map.entry("s-1-5-19", LOCAL_SERVICE),
            Map.entry("network service", NETWORK_SERVICE), Map.entry("networkservice", NETWORK_SERVICE),
            Map.entry("nt authority\\network service", NETWORK_SERVICE),
            Map.entry("nt authority\\networkservice", NETWORK_SERVICE), Map.entry("s-1-5-20", NETWORK_SERVICE));

    /** The account named by {@code --run-as}; {@code null} means SYSTEM. */
    public static RunAsAccount parse(String name) {
        if (name == null || name.isBlank()) {
            return SYSTEM;
        }
        String trimmed = name.strip();
        RunAsAccount builtIn = BUILT_IN.get(trimmed.toLowerCase(Locale.ROOT));
        if (builtIn != null) {
            return builtIn;
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '%')) {
            throw new IllegalArgumentException("'" + name + "' is not an account name (no quotes, % or control "
                    + "characters)");
        }
        boolean managed = trimmed.endsWith("$");
        return new RunAsAccount(trimmed, trimmed, "Password", !managed);
    }

    /** Whether the account is a group managed service account. */
    public boolean managedServiceAccount() {
        return userId.endsWith("$");
    }
}
