package io.certaudit.agent.windows;

import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.HostEnvironment.AgentIdentity;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.PropertyProblem;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.Tristate;

/**
 * The private-key facts of one Personal certificate: whether the key opens and is the certificate's own, what
 * kind it is and in which key set, its key file, and the service account's read access to that file.
 *
 * <p>A LocalMachine certificate whose key is in a per-user key set is usable only by the account whose profile
 * holds the key: Windows looks for it in the key set of whoever opens it. It is the service account's own key set
 * only when the audit runs as the service account itself (a scheduled task as SYSTEM auditing a LocalSystem
 * service) and the key opened; anything else is reported as {@link KeyDefect#USER_KEY_SET}.
 */
final class PrivateKeyInspector {

    /**
     * What a CSP or KSP opens a key file with: GENERIC_READ, which a file object maps to READ_CONTROL | SYNCHRONIZE
     * | FILE_READ_DATA | FILE_READ_EA | FILE_READ_ATTRIBUTES, i.e. FILE_GENERIC_READ
     * (learn.microsoft.com/windows/win32/secauthz/generic-access-rights). An open asking for GENERIC_READ fails
     * unless every one of those is granted, so an ACL granting FILE_READ_DATA alone does not let the service read
     * its key. (That the providers open with GENERIC_READ is observed behaviour, not documented by Microsoft; the
     * README says so.)
     */
    static final int KEY_FILE_RIGHTS = WindowsConstants.FILE_GENERIC_READ;

    private final StoresAndKeys api;
    private final KeyFileLocator locator;
    private final AccessEvaluator access;

    PrivateKeyInspector(StoresAndKeys api, HostEnvironment host, AccessEvaluator access) {
        this.api = api;
        this.locator = new KeyFileLocator(api, host);
        this.access = access;
    }

    PrivateKeyFacts inspect(StoreRef store, String thumbprint, StoreEntry entry, AgentIdentity agent,
                            ResolvedServiceAccount account) {
        KeyProviderInfo key = entry.keyProvider();
        KeyOpenResult opened = api.openPrivateKey(store, thumbprint);
        PropertyProblem unreadable = entry.keyProviderProblem();
        if (key == null && unreadable != null) {
            return PrivateKeyFacts.unknown(unreadable.problem() + "; opening the key gave "
                    + (opened.opened() ? "a key" : opened.error().describe()));
        }
        KeyOpenVerdict verdict = KeyOpenVerdict.of(opened, key, agent.elevated());
        if (key == null) {
            return new PrivateKeyFacts(verdict.present(), KeyKind.UNKNOWN, null, null, Tristate.UNKNOWN, null,
                    null, verdict.evidence(), verdict.defect());
        }
        KeyKind kind = key.cng() || opened.openedAsCng() ? KeyKind.CNG : KeyKind.CAPI;
        String accountName = account == null ? null : account.name();
        if (verdict.present() == Tristate.NO) {
            return new PrivateKeyFacts(Tristate.NO, kind, key.provider(), key.container(),
                    Tristate.of(key.machineKeyset()), null,
                    AccessFacts.unknown(null, accountName, "there is no key to read"), verdict.evidence(),
                    verdict.defect());
        }
        KeyDefect defect = verdict.defect();
        String evidence = verdict.evidence();
        String keySetOwner = null;
        if (!key.machineKeyset()) {
            boolean auditIsServiceAccount = account != null && account.sid() != null && agent.sid() != null
                    && account.sid().equals(agent.sid());
            if (auditIsServiceAccount && opened.opened()) {
                keySetOwner = agent.sid();
                evidence += "; the key is in the per-user key set of " + account.name()
                        + ", the service account the audit runs as";
            } else {
                defect = KeyDefect.USER_KEY_SET;
                evidence += "; the certificate's key provider information has no CRYPT_MACHINE_KEYSET, so Windows"
                        + " looks for the key in the key set of whichever account opens it"
                        + (opened.opened() ? ": it opened for " + (agent.name() == null ? "the audit's account"
                        : agent.name()) + ", the account the audit runs as" : "")
                        + (account == null ? "" : ", and " + account.name() + " will look in its own");
            }
        }
        KeyFileLocator.Location location = locator.locate(key, keySetOwner);
        AccessFacts fileAccess;
        if (location.path() == null) {
            fileAccess = AccessFacts.unknown(null, accountName, location.reason());
            evidence += "; " + location.reason();
        } else {
            fileAccess = access.evaluate(SecuredObject.file(location.path()), GenericMapping.FILE, KEY_FILE_RIGHTS,
                    account);
            evidence += "; key file " + location.path();
        }
        return new PrivateKeyFacts(verdict.present(), kind, key.provider(), key.container(),
                Tristate.of(key.machineKeyset()), location.path(), fileAccess, evidence, defect);
    }
}
