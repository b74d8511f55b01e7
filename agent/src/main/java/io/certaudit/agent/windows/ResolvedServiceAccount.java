package io.certaudit.agent.windows;

import java.util.List;
import java.util.Objects;

import io.certaudit.model.ServiceAccount;

/**
 * The service account as the access checks use it.
 *
 * @param account          the account for the snapshot (name, SID, how it was found)
 * @param skipTokenGroups  whether Authz must not look the account's groups up (well-known and virtual service
 *                         accounts, which it cannot log on with S4U): {@code groupSids} are then the whole token
 * @param groupSids        groups added to the access-check context, those a service logon always carries
 * @param unresolvedReason why there is no SID to check, or {@code null}
 */
record ResolvedServiceAccount(ServiceAccount account, boolean skipTokenGroups, List<String> groupSids,
                              String unresolvedReason) {

    ResolvedServiceAccount {
        Objects.requireNonNull(account, "account");
        groupSids = List.copyOf(groupSids);
    }

    static ResolvedServiceAccount unresolved(ServiceAccount account, String reason) {
        return new ResolvedServiceAccount(account, false, List.of(), Objects.requireNonNull(reason, "reason"));
    }

    String name() {
        return account.name();
    }

    String sid() {
        return account.sid();
    }

    boolean resolved() {
        return account.sid() != null;
    }
}
