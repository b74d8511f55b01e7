package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_SID_TYPE_RESTRICTED;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.certaudit.agent.windows.AccountsAndServices.AccountLookup;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.model.ServiceAccount;

/**
 * Turns {@code --service-name} / {@code --service-account} into a SID and the groups its service token carries.
 *
 * <p>A service's logon name (QUERY_SERVICE_CONFIGW.lpServiceStartName) may be {@code LocalSystem} (or empty),
 * {@code NT AUTHORITY\LocalService}, {@code NT AUTHORITY\NetworkService}, {@code .\name}, {@code DOMAIN\name},
 * a gMSA {@code DOMAIN\name$} or a virtual account {@code NT SERVICE\name}. The three built-in service accounts
 * are mapped to their well-known SIDs here (LookupAccountName does not know the SCM's spellings); the others are
 * looked up. AuthzInitializeContextFromSid computes groups by an S4U logon or from the account object and leaves
 * out the groups of the logon itself (learn.microsoft.com/windows/win32/api/authz/nf-authz-authzinitializecontextfromsid);
 * the groups every service logon carries are therefore added, and for accounts Authz cannot log on (well-known
 * and virtual service accounts) the context is built from the SID alone with those groups.
 *
 * <p>The groups of a service logon: Everyone (S-1-1-0), Authenticated Users (S-1-5-11), BUILTIN\Users
 * (S-1-5-32-545, of which Authenticated Users is a member by default), SERVICE (S-1-5-6, the logon type), LOCAL
 * (S-1-2-0) and the logon SID, which the SCM adds (learn.microsoft.com/windows/win32/api/winsvc/
 * ns-winsvc-service_sid_info), NT SERVICE\ALL SERVICES (S-1-5-80-0, every service process; well-known SIDs:
 * learn.microsoft.com/windows/win32/secauthz/well-known-sids), the service's own SID when its SID type is not
 * NONE, This Organization (S-1-5-15) for an Active Directory account, and Administrators for LocalSystem. What
 * only the running service's token shows is documented in the README: the logon session SID, a restricted
 * service's restricting SIDs, changes to group membership since the service started, and groups a domain
 * controller would add when none answers.
 */
final class ServiceAccountResolver {

    private static final Map<String, String> BUILT_IN_ACCOUNTS = Map.of(
            "localsystem", Sid.LOCAL_SYSTEM,
            "nt authority\\system", Sid.LOCAL_SYSTEM,
            "nt authority\\localservice", Sid.LOCAL_SERVICE,
            "nt authority\\local service", Sid.LOCAL_SERVICE,
            "nt authority\\networkservice", Sid.NETWORK_SERVICE,
            "nt authority\\network service", Sid.NETWORK_SERVICE);

    private final AccountsAndServices api;
    private final HostEnvironment host;
    private final boolean auditElevated;

    ServiceAccountResolver(AccountsAndServices api, HostEnvironment host, boolean auditElevated) {
        this.api = api;
        this.host = host;
        this.auditElevated = auditElevated;
    }

    /** The resolved account, or {@code null} when the selection names none. */
    ResolvedServiceAccount resolve(ServiceAccountSelection selection) {
        if (selection.isEmpty()) {
            return null;
        }
        String name = selection.accountName();
        String foundBy = "--service-account";
        int serviceSidType = -1;
        String service = selection.serviceName();
        if (service != null) {
            ServiceConfigRead config = api.serviceConfig(service);
            if (config.error() != null) {
                String reason = serviceProblem(service, config, auditElevated);
                if (name == null) {
                    return ResolvedServiceAccount.unresolved(
                            new ServiceAccount("service " + service, null, "--service-name " + service), reason);
                }
            } else {
                serviceSidType = config.serviceSidType();
                if (name == null) {
                    name = config.startName() == null || config.startName().isBlank()
                            ? "LocalSystem" : config.startName();
                    foundBy = "logon account of service \"" + service + "\"";
                }
            }
        }
        String builtIn = BUILT_IN_ACCOUNTS.get(name.toLowerCase(Locale.ROOT));
        String sid;
        String resolvedName = null;
        if (builtIn != null) {
            sid = builtIn;
        } else {
            String lookupName = name.startsWith(".\\") ? host.computerName() + name.substring(1) : name;
            AccountLookup lookup = api.lookupAccount(lookupName);
            if (lookup.error() != null) {
                return ResolvedServiceAccount.unresolved(new ServiceAccount(name, null, foundBy),
                        "the account " + name + " does not resolve to a SID: " + lookup.error().describe());
            }
            sid = lookup.sid();
            resolvedName = lookup.resolvedName();
        }
        boolean wellKnownOrVirtual = builtIn != null || sid.startsWith(Sid.SERVICE_ACCOUNT_PREFIX);
        List<String> groups = new ArrayList<>(List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.USERS, Sid.SERVICE,
                Sid.LOCAL, Sid.ALL_SERVICES));
        if (Sid.LOCAL_SYSTEM.equals(sid)) {
            groups.add(Sid.ADMINISTRATORS);
        }
        if (domainAccount(sid, resolvedName == null ? name : resolvedName)) {
            groups.add(Sid.THIS_ORGANIZATION);
        }
        if (service != null
                && (serviceSidType == SERVICE_SID_TYPE_UNRESTRICTED || serviceSidType == SERVICE_SID_TYPE_RESTRICTED)) {
            AccountLookup serviceSid = api.lookupAccount("NT SERVICE\\" + service);
            if (serviceSid.error() == null && !serviceSid.sid().equals(sid)) {
                groups.add(serviceSid.sid());
            }
        }
        return new ResolvedServiceAccount(new ServiceAccount(name, sid, foundBy), wellKnownOrVirtual, groups, null);
    }

    /**
     * An Active Directory account: a SID of the account-domain form (S-1-5-21-...) whose domain is not this
     * computer. A local account's domain is the computer's name; the virtual and built-in accounts have other SIDs.
     */
    private boolean domainAccount(String sid, String accountName) {
        if (!sid.startsWith("S-1-5-21-")) {
            return false;
        }
        int separator = accountName.indexOf('\\');
        if (separator <= 0) {
            return false;
        }
        String domain = accountName.substring(0, separator);
        return !domain.equals(".") && !domain.equalsIgnoreCase(host.computerName());
    }

    private static String serviceProblem(String service, ServiceConfigRead config, boolean auditElevated) {
        int code = config.error().code();
        if (code == ERROR_SERVICE_DOES_NOT_EXIST) {
            return "there is no service named \"" + service + "\" on this machine";
        }
        if (code == ERROR_ACCESS_DENIED) {
            return "the audit may not read the configuration of service \"" + service
                    + "\" (it needs SERVICE_QUERY_CONFIG on it" + (auditElevated ? "" : "; run the audit as administrator")
                    + "): "
                    + config.error().describe();
        }
        return "the configuration of service \"" + service + "\" could not be read: " + config.error().describe();
    }
}
