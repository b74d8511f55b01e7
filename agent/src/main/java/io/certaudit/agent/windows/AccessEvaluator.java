package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_FILE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_PATH_NOT_FOUND;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.windows.AccessChecks.AccessCheckResult;
import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.AccessChecks.SecurityDescriptorRead;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.Tristate;

/**
 * Decides whether the service account can read an object: reads its security descriptor (evidence: SDDL and
 * a readable ACL), maps generic rights, and lets Authz compute the account's effective access with its groups.
 * Never guesses: whatever cannot be read or checked is UNKNOWN, with the reason and the right the audit lacked.
 */
final class AccessEvaluator {

    static final String NO_ACCOUNT =
            "no service account configured: name the service with --service-name or the account with --service-account";

    private final AccessChecks api;
    private final AccountsAndServices accounts;
    private final boolean auditElevated;

    /** @param auditElevated whether the audit runs elevated: advice to run as administrator is given only if not */
    AccessEvaluator(AccessChecks api, AccountsAndServices accounts, boolean auditElevated) {
        this.api = api;
        this.accounts = accounts;
        this.auditElevated = auditElevated;
    }

    /**
     * @param required the rights the service needs, all of which must be granted (FILE_GENERIC_READ, KEY_READ)
     * @param account  the service account, or {@code null} when none was configured
     */
    AccessFacts evaluate(SecuredObject object, GenericMapping mapping, int required, ResolvedServiceAccount account) {
        String accountName = account == null ? null : account.name();
        String accountSid = account == null ? null : account.sid();
        SecurityDescriptorRead read = api.securityDescriptor(object);
        if (read.error() != null) {
            return AccessFacts.unknown(object.name(), accountName, unreadableAcl(object, read));
        }
        SecurityDescriptor descriptor;
        try {
            descriptor = SecurityDescriptor.parse(read.selfRelative());
        } catch (IllegalArgumentException e) {
            return new AccessFacts(object.name(), accountName, accountSid, Tristate.UNKNOWN, read.sddl(), List.of(),
                    "the security descriptor of " + object.name() + " could not be decoded: " + e.getMessage());
        }
        List<String> entries = describe(descriptor, mapping);
        if (account == null) {
            return new AccessFacts(object.name(), null, null, Tristate.UNKNOWN, read.sddl(), entries, NO_ACCOUNT);
        }
        if (!account.resolved()) {
            return new AccessFacts(object.name(), accountName, null, Tristate.UNKNOWN, read.sddl(), entries,
                    account.unresolvedReason());
        }
        byte[] mapped = descriptor.withGenericRightsMapped(mapping);
        AccessCheckResult check = api.effectiveAccess(accountSid, account.skipTokenGroups(), account.groupSids(),
                mapped);
        if (check.error() != null && !account.skipTokenGroups()) {
            return withServiceLogonGroupsOnly(object, mapping, required, account, read, descriptor, entries,
                    check, mapped);
        }
        if (check.error() != null) {
            return new AccessFacts(object.name(), accountName, accountSid, Tristate.UNKNOWN, read.sddl(), entries,
                    "the access check of " + accountName + " on " + object.name() + " failed: "
                            + check.error().describe());
        }
        List<String> evidence = new ArrayList<>(entries);
        evidence.add("effective for " + accountName + ": " + mapping.describe(check.grantedAccess()));
        boolean canRead = (check.grantedAccess() & required) == required;
        return new AccessFacts(object.name(), accountName, accountSid, Tristate.of(canRead), read.sddl(), evidence,
                null);
    }

    /**
     * Authz could not compute the account's own groups (AuthzInitializeContextFromSid needs an S4U logon or the
     * account's directory object: it fails for a domain account when no domain controller answers, and on
     * machines joined only to Azure AD). The check is repeated with the groups every service logon carries and
     * nothing else. Those groups granting the right is a YES only when no deny entry could take it away through
     * a group the audit could not see; not granting it is UNKNOWN, since the missing groups may grant it.
     */
    private AccessFacts withServiceLogonGroupsOnly(SecuredObject object, GenericMapping mapping, int required,
                                                   ResolvedServiceAccount account, SecurityDescriptorRead read,
                                                   SecurityDescriptor descriptor, List<String> entries,
                                                   AccessCheckResult failed, byte[] mapped) {
        String why = "Authz could not compute the groups of " + account.name() + " (" + failed.error().describe()
                + ")";
        AccessCheckResult fallback = api.effectiveAccess(account.sid(), true, account.groupSids(), mapped);
        if (fallback.error() != null) {
            return new AccessFacts(object.name(), account.name(), account.sid(), Tristate.UNKNOWN, read.sddl(),
                    entries, "the access check of " + account.name() + " on " + object.name() + " failed: "
                    + failed.error().describe() + "; with the service logon groups only: "
                    + fallback.error().describe());
        }
        List<String> evidence = new ArrayList<>(entries);
        evidence.add("effective for " + account.name() + " with the groups of a service logon only ("
                + why + "): " + mapping.describe(fallback.grantedAccess()));
        boolean granted = (fallback.grantedAccess() & required) == required;
        boolean denyEntries = descriptor.dacl().stream().anyMatch(ace -> ace.denies() && !ace.inheritOnly());
        if (granted && !denyEntries) {
            return new AccessFacts(object.name(), account.name(), account.sid(), Tristate.YES, read.sddl(), evidence,
                    null);
        }
        return new AccessFacts(object.name(), account.name(), account.sid(), Tristate.UNKNOWN, read.sddl(), evidence,
                why + "; with only the groups every service logon carries it is "
                        + (granted ? "granted the right, but a deny entry may apply through a group of its own"
                        : "not granted the right, which one of its own groups may grant"));
    }

    private String unreadableAcl(SecuredObject object, SecurityDescriptorRead read) {
        int code = read.error().code();
        if (code == ERROR_ACCESS_DENIED) {
            return "the audit may not read the ACL of " + object.name() + " (" + read.error().describe()
                    + "): reading it needs READ_CONTROL on it"
                    + (auditElevated ? ", which its ACL does not give administrators"
                    : ", which administrators have; run the audit as administrator");
        }
        if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) {
            return object.name() + " does not exist (" + read.error().describe() + ")";
        }
        return "the ACL of " + object.name() + " could not be read: " + read.error().describe();
    }

    private List<String> describe(SecurityDescriptor descriptor, GenericMapping mapping) {
        List<String> lines = new ArrayList<>();
        if (descriptor.owner() != null) {
            lines.add("owner " + name(descriptor.owner()));
        }
        if (descriptor.nullDacl()) {
            lines.add("no DACL: everyone has full access");
            return lines;
        }
        if (descriptor.dacl().isEmpty()) {
            lines.add("empty DACL: nobody has access");
        }
        for (SecurityDescriptor.Ace ace : descriptor.dacl()) {
            String kind = ace.allows() ? "allow" : ace.denies() ? "deny" : String.format("ACE type 0x%02X", ace.type());
            StringBuilder line = new StringBuilder(kind).append(' ').append(name(ace.sid())).append(": ")
                    .append(mapping.describe(ace.mask()));
            if (ace.inherited()) {
                line.append(", inherited");
            }
            if (ace.inheritOnly()) {
                line.append(", children only");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code DOMAIN\name (SID)}, or {@code SID (unresolved)} for a SID that names no account (any more). */
    private String name(String sid) {
        String name = accounts.accountName(sid);
        return name == null || name.isBlank() ? sid + " (unresolved)" : name + " (" + sid + ")";
    }
}
