package io.certaudit.catalog.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.CertificateFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UserStoreRead;

/*
 * Lync Server 2013 Unleashed: a certificate imported into the user's Personal store instead of the computer's
 * is invisible to the service. BEMS: the certificate "must be stored on the computer hosting BEMS ...
 * \Personal\Certificate folder" (the computer account's store).
 */
@RuleInfo(
        id = "certificate-in-user-store",
        title = "Service certificate is in a user's Personal store instead of the computer's",
        severity = Severity.ERROR,
        area = Area.INVENTORY,
        citation = "BEMS MTLS certificates (B1); Lync Server 2013 Unleashed: certificate imported into the user "
                + "store",
        requirements = {Requirement.B1},
        description = "Applies when the source read user Personal stores (the live Windows source reads the "
                + "current user's and the service account's). Fails for each certificate there that would serve "
                + "the service (it names an expected FQDN, or, with none configured, is not a CA and allows "
                + "Server Authentication) and is not also in LocalMachine\\MY, where the service looks. Warns "
                + "when a user store exists but the audit may not read it.",
        remediation = {
                "Import the certificate with its private key into the computer's store: certlm.msc > Personal > "
                        + "Import, or Import-PfxCertificate -CertStoreLocation Cert:\\LocalMachine\\My.",
                "Then remove the copy from the user's store (certmgr.msc)."},
        evidence = {"origin", "privateKey", "userStore"})
public final class CertificateInUserStore extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return !context.snapshot().userStoreCertificates().isEmpty()
                || !context.snapshot().userStoreReads().isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        Set<String> inMachineStore = context.snapshot().store(StoreName.MY).stream()
                .map(StoredCertificate::thumbprint).collect(Collectors.toSet());
        List<String> expected = context.settings().expectedNames().stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        for (StoredCertificate certificate : context.snapshot().userStoreCertificates()) {
            if (inMachineStore.contains(certificate.thumbprint()) || !servesTheService(certificate, expected)) {
                continue;
            }
            String store = certificate.userStore() != null ? certificate.userStore() : certificate.origin();
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("userStore", store);
            evidence.put("origin", certificate.origin());
            if (certificate.privateKey() != null && certificate.privateKey().evidence() != null) {
                evidence.put("privateKey", certificate.privateKey().evidence());
            }
            findings.add(certificate, "Certificate " + certificate.label() + " is in " + store
                    + ", a user's Personal store, not in LocalMachine\\MY where the service looks for it.", evidence);
        }
        for (UserStoreRead read : context.snapshot().userStoreReads()) {
            if (read.unreadable()) {
                findings.addHost(Severity.WARNING, StoreName.MY, "Could not look for a misplaced service "
                        + "certificate in " + read.store() + ": " + read.describe()
                        + (context.snapshot().auditElevated() == Tristate.YES ? "." : "; run the audit as administrator."),
                        Map.of("userStore", read.store()));
            }
        }
    }

    private static boolean servesTheService(StoredCertificate certificate, List<String> expected) {
        CertificateFacts facts = certificate.facts();
        if (facts.certificateAuthority()) {
            return false;
        }
        if (!expected.isEmpty()) {
            String cn = facts.subjectCommonName();
            return (cn != null && expected.contains(cn.toLowerCase(Locale.ROOT)))
                    || facts.dnsNames().stream().anyMatch(n -> expected.contains(n.toLowerCase(Locale.ROOT)));
        }
        List<String> usages = facts.extendedKeyUsages();
        return usages == null || usages.contains(CertificateFacts.EKU_SERVER_AUTH)
                || usages.contains(CertificateFacts.EKU_ANY);
    }
}
