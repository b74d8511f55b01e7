package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_FILE_NOT_FOUND;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_PATH_NOT_FOUND;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.windows.WindowsCertificateApi.AccessCheckResult;
import io.certaudit.agent.windows.WindowsCertificateApi.SecuredObject;
import io.certaudit.agent.windows.WindowsCertificateApi.SecurityDescriptorRead;
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

    private final WindowsCertificateApi api;

    AccessEvaluator(WindowsCertificateApi api) {
        this.api = api;
    }

    /**
     * @param required the rights the service needs, all of which must be granted (FILE_READ_DATA, KEY_READ)
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
        AccessCheckResult check = api.effectiveAccess(accountSid, account.skipTokenGroups(), account.groupSids(),
                descriptor.withGenericRightsMapped(mapping));
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

    private static String unreadableAcl(SecuredObject object, SecurityDescriptorRead read) {
        int code = read.error().code();
        if (code == ERROR_ACCESS_DENIED) {
            return "the audit may not read the ACL of " + object.name() + " (" + read.error().describe()
                    + "): reading it needs READ_CONTROL on it, which administrators have; run the audit as administrator";
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

    private String name(String sid) {
        String name = api.accountName(sid);
        return name == null || name.isBlank() ? sid : name + " (" + sid + ")";
    }
}
