package io.certaudit.agent.windows;

import java.util.Objects;

/**
 * What the live source asks of the account database and the service control manager: a service's logon account,
 * and account names and SIDs each way.
 * Each call opens what it needs, copies the answer out and frees every handle before returning; nothing native crosses
 * this interface. A failure is an answer too ({@link NativeError}), never an exception, so the logic above can tell a
 * missing store from a denied one. The JNA implementation is in {@code windows.jna}; tests on any OS use a fake.
 */
public interface AccountsAndServices {

    /** A service's configured logon account and service SID type. */
    ServiceConfigRead serviceConfig(String serviceName);

    /** Resolves an account name ({@code DOMAIN\name}, {@code NT SERVICE\name}) to a SID. */
    AccountLookup lookupAccount(String accountName);

    /**
     * The {@code DOMAIN\name} of a SID, or {@code null} when it does not resolve (an orphaned SID of a deleted
     * account, or a domain that cannot be asked): never a placeholder name.
     */
    String accountName(String sid);

    // ---------------------------------------------------------------------------------------------------------
    // The values that cross the interface.
    // ---------------------------------------------------------------------------------------------------------

    /**
     * A service's configuration.
     *
     * @param startName      lpServiceStartName: the logon account ({@code LocalSystem}, {@code NT AUTHORITY\...},
     *                       {@code DOMAIN\name}, {@code NT SERVICE\name}); empty or {@code null} means LocalSystem
     * @param serviceSidType SERVICE_SID_TYPE_*, or -1 when it could not be read
     */
    record ServiceConfigRead(String serviceName, String startName, String displayName, int serviceSidType,
                             NativeError error) {
        public static ServiceConfigRead failed(String serviceName, NativeError error) {
            return new ServiceConfigRead(serviceName, null, null, -1, Objects.requireNonNull(error, "error"));
        }
    }

    /** An account name resolved to a SID, or why it did not resolve. */
    record AccountLookup(String sid, String resolvedName, NativeError error) {
        public static AccountLookup of(String sid, String resolvedName) {
            return new AccountLookup(Objects.requireNonNull(sid, "sid"), resolvedName, null);
        }

        public static AccountLookup failed(NativeError error) {
            return new AccountLookup(null, null, Objects.requireNonNull(error, "error"));
        }
    }
}
