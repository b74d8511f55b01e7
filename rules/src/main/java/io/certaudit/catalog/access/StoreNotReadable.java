package io.certaudit.catalog.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;

/*
 * BEMS: "The BEMS service account must have read access to the certificate store and the private key."
 */
@RuleInfo(
        id = "store-not-readable",
        title = "Service account cannot read a certificate store",
        severity = Severity.ERROR,
        area = Area.ACCESS,
        citation = "BEMS MTLS certificates (B7): the service account must have read access to the certificate "
                + "store and the private key",
        requirements = {Requirement.B7},
        description = "Applies when the source checked the stores' access (the live Windows source). Fails for "
                + "each of LocalMachine MY, CA and ROOT whose registry key the service account, with its groups, "
                + "is not granted KEY_READ on, as Windows' own access check (Authz) computes it from the key's "
                + "ACL. When the audit cannot tell (no service account configured, an ACL the audit may not read) "
                + "it warns once per reason, naming the stores, instead of passing.",
        remediation = {
                "Restore read access to HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\<store> for the service account "
                        + "(by default BUILTIN\\Users has Read, which every service account holds): regedit > the "
                        + "key > Permissions.",
                "Name the account with --service-name or --service-account."},
        evidence = {"CA", "MY", "ROOT", "account", "accountSid", "acl", "object", "sddl", "unknownReason"})
public final class StoreNotReadable extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return !context.snapshot().storeAccess().isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        Map<String, List<StoreName>> unknownByReason = new LinkedHashMap<>();
        for (Map.Entry<StoreName, AccessFacts> entry : context.snapshot().storeAccess().entrySet()) {
            StoreName store = entry.getKey();
            AccessFacts access = entry.getValue();
            if (!store.isMtlsStore()) {
                // Untrusted Certificates only takes trust away; a service that cannot read it still handshakes.
                continue;
            }
            if (access.canRead() == Tristate.NO) {
                findings.addHost(store, "The service account " + access.account() + " cannot read the "
                        + "LocalMachine\\" + store + " store (" + store.displayName() + "): it is not granted read on "
                        + access.object() + ".", AccessEvidence.of(access));
            } else if (access.canRead() == Tristate.UNKNOWN) {
                String reason = access.unknownReason() == null ? "the source did not say why" : access.unknownReason();
                unknownByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(store);
            }
        }
        unknownByReason.forEach((reason, stores) -> {
            Map<String, String> evidence = new LinkedHashMap<>();
            for (StoreName store : stores) {
                // The store was taken from this map: its entry is there.
                evidence.put(store.name(),
                        Objects.requireNonNull(context.snapshot().storeAccess().get(store)).object());
            }
            findings.addHost(Severity.WARNING, stores.size() == 1 ? stores.get(0) : null,
                    "Could not tell whether the service account can read the " + names(stores) + " store"
                            + (stores.size() == 1 ? "" : "s") + ": " + reason + ".", evidence);
        });
    }

    private static String names(List<StoreName> stores) {
        List<String> names = stores.stream().map(s -> "LocalMachine\\" + s).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
