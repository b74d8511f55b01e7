package io.certaudit.agent.windows;

import java.util.Objects;

/**
 * The whole of what the live source asks of Windows, by subsystem, each behind its own interface so that each part
 * of the source gets only what it uses and a test can check every binding of each. The JNA implementation is
 * {@code windows.jna.JnaWindows}; tests on any OS use a fake.
 */
public record WindowsCertificateApi(StoresAndKeys stores, AccessChecks accessChecks, AccountsAndServices accounts,
                                    HostEnvironment host) {

    public WindowsCertificateApi {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(accessChecks, "accessChecks");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(host, "host");
    }
}
