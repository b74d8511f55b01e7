package io.certaudit.agent.windows;

import io.certaudit.agent.windows.WindowsCertificateApi.KeyOpenResult;
import io.certaudit.agent.windows.WindowsCertificateApi.KeyProviderInfo;
import io.certaudit.agent.windows.WindowsCertificateApi.SecuredObject;
import io.certaudit.agent.windows.WindowsCertificateApi.StoreRef;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.Tristate;

/**
 * The private-key facts of one Personal certificate: whether the key opens, what kind it is and where, its key
 * file, and the service account's read access to that file.
 */
final class PrivateKeyInspector {

    private final WindowsCertificateApi api;
    private final KeyFileLocator locator;
    private final AccessEvaluator access;

    PrivateKeyInspector(WindowsCertificateApi api, AccessEvaluator access) {
        this.api = api;
        this.locator = new KeyFileLocator(api);
        this.access = access;
    }

    PrivateKeyFacts inspect(StoreRef store, String thumbprint, KeyProviderInfo key, boolean elevated,
                            ResolvedServiceAccount account) {
        KeyOpenResult opened = api.openPrivateKey(store, thumbprint);
        KeyOpenVerdict verdict = KeyOpenVerdict.of(opened, key, elevated);
        if (key == null) {
            return new PrivateKeyFacts(verdict.present(), KeyKind.UNKNOWN, null, null, Tristate.UNKNOWN, null,
                    null, verdict.evidence());
        }
        KeyKind kind = key.cng() || opened.openedAsCng() ? KeyKind.CNG : KeyKind.CAPI;
        String accountName = account == null ? null : account.name();
        if (verdict.present() == Tristate.NO) {
            return new PrivateKeyFacts(Tristate.NO, kind, key.provider(), key.container(),
                    Tristate.of(key.machineKeyset()), null,
                    AccessFacts.unknown(null, accountName, "there is no key to read"), verdict.evidence());
        }
        KeyFileLocator.Location location = locator.locate(key);
        AccessFacts fileAccess;
        String evidence = verdict.evidence();
        if (location.path() == null) {
            fileAccess = AccessFacts.unknown(null, accountName, location.reason());
            evidence += "; " + location.reason();
        } else {
            fileAccess = access.evaluate(SecuredObject.file(location.path()), GenericMapping.FILE,
                    WindowsConstants.FILE_READ_DATA, account);
            evidence += "; key file " + location.path();
        }
        return new PrivateKeyFacts(verdict.present(), kind, key.provider(), key.container(),
                Tristate.of(key.machineKeyset()), location.path(), fileAccess, evidence);
    }
}
