package io.certaudit.catalog.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "The Subject Alternative Name (SAN) certificate property must include the FQDN for the trusted
 * application pool and the FQDN of each BEMS instance that the certificate will be used for."
 * SBC: "make sure that the subject name and subject alternative name in the certificate contain the same string
 * ... This string is case-sensitive."
 */
@RuleInfo(
        id = "san-missing-fqdn",
        title = "SAN does not list every name the service answers to",
        severity = Severity.ERROR,
        area = Area.NAMES,
        citation = "BEMS MTLS certificates: SAN includes the pool FQDN and each instance FQDN (B5); Exchange UM "
                + "SBC: SAN holds the gateway address, case-sensitively (E2)",
        requirements = {Requirement.B5, Requirement.E2},
        description = "Fails when a service certificate's SAN dNSName entries lack the pool FQDN or an instance "
                + "FQDN (compared case-insensitively, as DNS does) or the gateway address (compared "
                + "case-sensitively, as Exchange UM does). Wildcards do not count. With no names configured, "
                + "the SAN must at least hold the subject CN, since TLS clients ignore the CN when a SAN exists.",
        remediation = {
                "Re-issue the certificate with a SAN listing the trusted application pool FQDN and the FQDN of "
                        + "every BEMS instance (and the exact gateway address for an SBC).",
                "With certreq, add them under [Extensions] 2.5.29.17."},
        evidence = {"missing", "sanDnsNames"})
public final class SanMissingFqdn extends CertificateRule {

    /** Why a wildcard in the SAN does not stand for a missing name, when one would have matched it. */
    private static String wildcardNote(List<String> sans, List<String> missing) {
        for (String san : sans) {
            for (String name : missing) {
                if (HostNames.wildcardCovers(san, name)) {
                    return " '" + san + "' covers " + name + " only as a wildcard, which does not count: the pool "
                            + "and each instance must be named in the SAN as they are.";
                }
            }
        }
        return "";
    }

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        List<String> sans = certificate.facts().dnsNames();
        List<String> missing = new ArrayList<>();
        var settings = context.settings();
        List<String> caseInsensitive = new ArrayList<>(settings.instanceFqdns());
        if (settings.poolFqdn() != null) {
            caseInsensitive.add(0, settings.poolFqdn());
        }
        if (settings.expectedNames().isEmpty()) {
            String cn = certificate.facts().subjectCommonName();
            if (cn != null && HostNames.whyNotFqdn(cn).isEmpty()) {
                caseInsensitive.add(cn);
            }
        }
        for (String name : caseInsensitive) {
            if (sans.stream().noneMatch(san -> san.equalsIgnoreCase(name))) {
                missing.add(name);
            }
        }
        String gateway = settings.gatewayAddress();
        if (gateway != null && !sans.contains(gateway)) {
            boolean caseOnly = sans.stream().anyMatch(san -> san.equalsIgnoreCase(gateway));
            missing.add(caseOnly ? gateway + " (present, but with different letter case)" : gateway);
        }
        if (!missing.isEmpty()) {
            findings.add(certificate, "The SAN of " + certificate.label() + " does not list "
                    + String.join(", ", missing) + "; it holds " + (sans.isEmpty() ? "no DNS name"
                    : "only " + String.join(", ", sans)) + "." + wildcardNote(sans, missing),
                    Map.of("missing", String.join(", ", missing), "sanDnsNames", String.join(", ", sans)));
        }
    }
}
