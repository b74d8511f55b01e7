package io.certaudit.catalog.names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.NameResolution;

/*
 * SBC: "Assign a unique fully qualified domain name (FQDN) for the public interface of your SBC ... Check that this
 * FQDN can be resolved by external DNS clients to the correct IP address." The audit asks the resolver of the host it
 * runs on, which is what the service itself uses; an external client may see another view (split DNS), which the
 * README says. Resolving leaves the host, so it happens only when the user asks (--check-dns), never by default.
 */
@RuleInfo(
        id = "fqdn-not-resolvable",
        title = "A configured name does not resolve in DNS, or not to the expected address",
        severity = Severity.ERROR,
        area = Area.NAMES,
        citation = "Exchange UM SBC certificate requirements: \"Check that this FQDN can be resolved by external DNS "
                + "clients to the correct IP address\" (E4)",
        requirements = {Requirement.E4},
        description = "Only with --check-dns (or checkDns: true in the settings file); otherwise not applicable, as "
                + "DNS was not checked. The pool FQDN, each instance FQDN and the gateway address are resolved with "
                + "the system resolver of the audited machine, each within a time limit. Fails when a name does not "
                + "resolve, and when the settings name expected addresses for it (expectedAddresses:) and the "
                + "addresses returned are not exactly those. A lookup that does not answer in time is a warning: "
                + "whether the name resolves is then unknown. So is a lookup the resolver itself failed.",
        remediation = {
                "Create or correct the DNS record (A/AAAA) of the name so that it resolves to the address of the "
                        + "host or SBC interface that serves it, on the DNS servers the peers use (external DNS "
                        + "for Exchange Online UM).",
                "Check with Resolve-DnsName NAME.",
                "If the address changed on purpose, update expectedAddresses in the certaudit settings file."},
        evidence = {"addresses", "expectedAddresses", "name", "outcome", "resolverMessage", "role"})
public final class FqdnNotResolvable extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return context.snapshot().dnsChecked() && !context.snapshot().nameResolutions().isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        for (NameResolution resolution : context.snapshot().nameResolutions()) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("name", resolution.name());
            evidence.put("role", resolution.role().label());
            evidence.put("outcome", resolution.outcome().label());
            if (resolution.failureMessage() != null) {
                evidence.put("resolverMessage", resolution.failureMessage());
            }
            String what = "The " + describe(resolution.role()) + " '" + resolution.name() + "'";
            switch (resolution.outcome()) {
                case NOT_FOUND -> findings.addHost(null, what + " does not resolve with this machine's resolver"
                        + (resolution.failureMessage() == null ? "" : " (" + resolution.failureMessage() + ")")
                        + ": peers cannot reach it by that name.", evidence);
                case TIMED_OUT -> findings.addHost(Severity.WARNING, null, what + " could not be resolved within "
                        + "the time limit: whether it resolves is unknown.", evidence);
                case FAILED -> findings.addHost(Severity.WARNING, null, what + " could not be looked up ("
                        + resolution.failureMessage() + "): whether it resolves is unknown.", evidence);
                case RESOLVED -> checkExpected(resolution, what, evidence, findings);
                default -> throw new IllegalStateException("unknown outcome " + resolution.outcome());
            }
        }
    }

    private static void checkExpected(NameResolution resolution, String what, Map<String, String> evidence,
                                      Findings findings) {
        if (resolution.expectedAddresses().isEmpty()) {
            return;
        }
        Set<String> returned = new TreeSet<>(resolution.addresses());
        Set<String> expected = new TreeSet<>(resolution.expectedAddresses());
        if (returned.equals(expected)) {
            return;
        }
        Set<String> unexpected = new TreeSet<>(returned);
        unexpected.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(returned);
        evidence.put("addresses", String.join(", ", resolution.addresses()));
        evidence.put("expectedAddresses", String.join(", ", resolution.expectedAddresses()));
        findings.addHost(null, what + " resolves to " + String.join(", ", resolution.addresses())
                + ", not to the expected " + String.join(", ", resolution.expectedAddresses())
                + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                + (unexpected.isEmpty() ? "" : "; unexpected " + String.join(", ", unexpected)) + ".", evidence);
    }

    private static String describe(NameResolution.Role role) {
        return switch (role) {
            case POOL -> "pool FQDN";
            case INSTANCE -> "instance FQDN";
            case GATEWAY -> "gateway address";
        };
    }
}
