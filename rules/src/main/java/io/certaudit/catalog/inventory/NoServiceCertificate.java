package io.certaudit.catalog.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.certaudit.catalog.names.HostNames;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/*
 * BEMS: "The private certificate issued for BEMS by a trusted CA must be stored on the computer hosting BEMS
 * Console Root\Certificates <local_host_name>\Personal\Certificate folder."
 */
@RuleInfo(
        id = "no-service-certificate",
        title = "No service certificate in LocalMachine Personal",
        severity = Severity.ERROR,
        area = Area.INVENTORY,
        citation = "BEMS MTLS certificates: the certificate must be in the computer's Personal store (B1)",
        requirements = {Requirement.B1},
        description = "Fails when LocalMachine\\Personal holds no certificate the service can use: none whose "
                + "CN or SAN names the configured pool, instance or gateway FQDN, or, when no names are "
                + "configured, no end-entity (non-CA) certificate at all. Does not apply when Personal was not "
                + "part of what was given (an export of Trusted Root alone, a folder without a MY subfolder): "
                + "nothing is known of it then.",
        remediation = "Import the service certificate with its private key into Certificates (Local Computer) > "
                + "Personal > Certificates (certlm.msc, or Import-PfxCertificate -CertStoreLocation "
                + "Cert:\\LocalMachine\\My), not into the current user's store.",
        evidence = {"expectedNames", "personalCertificates"})
public final class NoServiceCertificate extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return context.snapshot().storesGiven().contains(StoreName.MY);
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        if (!context.serviceCertificates().isEmpty()) {
            return;
        }
        int personal = context.snapshot().store(StoreName.MY).size();
        var names = context.settings().expectedNames();
        String message = names.isEmpty()
                ? "LocalMachine\\Personal holds no end-entity certificate (" + personal
                + " certificate(s), all CAs or none)."
                : "No certificate in LocalMachine\\Personal names " + String.join(", ", names)
                + " in its CN or SAN (" + personal + " certificate(s) examined)." + wildcards(context, names);
        findings.addHost(StoreName.MY, message, Map.of("personalCertificates", Integer.toString(personal),
                "expectedNames", String.join(", ", names)));
    }

    /**
     * Personal certificates that cover a configured name only through a wildcard, which is why they are not service
     * certificates: said, so that the finding does not read as "no certificate at all".
     */
    private static String wildcards(AuditContext context, List<String> names) {
        StringBuilder note = new StringBuilder();
        for (StoredCertificate certificate : context.snapshot().store(StoreName.MY)) {
            List<String> patterns = new ArrayList<>(certificate.facts().dnsNames());
            if (certificate.facts().subjectCommonName() != null) {
                patterns.add(certificate.facts().subjectCommonName());
            }
            for (String pattern : patterns) {
                List<String> covered = names.stream().filter(name -> HostNames.wildcardCovers(pattern, name))
                        .toList();
                if (!covered.isEmpty()) {
                    note.append(" ").append(certificate.label()).append(" covers ").append(String.join(", ", covered))
                            .append(" only through the wildcard '").append(pattern).append("', which does not make "
                            + "it a service certificate: the pool and each instance must be named in the SAN as they "
                            + "are (B5).");
                    break;
                }
            }
        }
        return note.toString();
    }
}
