package io.certaudit.catalog.rootstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.model.TrustedIssuerList;

/*
 * KB 2464556, KB 2880390, KB 933430: SChannel sends the issuer names of all trusted roots in the
 * CertificateRequest; past 16 KB of encoded names client-certificate authentication fails (on Windows Server 2012
 * whatever SendTrustedIssuerList says).
 */
@RuleInfo(
        id = "root-store-too-large",
        title = "Trusted Root issuer list exceeds 16 KB",
        severity = Severity.WARNING,
        area = Area.ROOTSTORE,
        citation = "Microsoft KB 2464556, KB 2880390, KB 933430: trusted issuer list limit in SChannel",
        requirements = {Requirement.KB2464556, Requirement.KB2880390, Requirement.KB933430},
        description = "Warns when the distinguished names of the distinct certificates in Trusted Root, each "
                + "DER-encoded with a 2-byte length as in a TLS CertificateRequest, add up to more than 16,384 "
                + "bytes. SChannel then fails client-certificate authentication.",
        remediation = "Remove roots the server does not need from Trusted Root (keep the roots of the service's "
                + "and the peer's chains), and on Windows Server 2012 or later set "
                + "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\ClientAuthTrustMode as KB "
                + "2880390 describes.",
        evidence = {
                "SCHANNEL\\ClientAuthTrustMode", "SCHANNEL\\SendTrustedIssuerList", "issuerListBytes", "limitBytes",
                "rootCertificates"})
public final class RootStoreTooLarge extends HostRule {

    /** SChannel's limit on the encoded trusted issuer list, in bytes. */
    public static final int LIMIT_BYTES = TrustedIssuerList.LIMIT_BYTES;

    @Override
    protected boolean appliesTo(AuditContext context) {
        return !context.snapshot().store(StoreName.ROOT).isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        TrustedIssuerList list = TrustedIssuerList.of(context.snapshot().store(StoreName.ROOT));
        if (!list.exceedsLimit()) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("issuerListBytes", Integer.toString(list.bytes()));
        evidence.put("limitBytes", Integer.toString(LIMIT_BYTES));
        evidence.put("rootCertificates", Integer.toString(list.certificates()));
        // Only the SCHANNEL values the metadata declares: the evidence keys are a contract for report consumers.
        List<String> declared = List.of(info().evidence());
        context.snapshot().hostFacts().forEach((name, value) -> {
            if (name.startsWith("SCHANNEL\\") && declared.contains(name)) {
                evidence.put(name, value);
            }
        });
        findings.addHost(StoreName.ROOT, "Trusted Root holds " + list.certificates() + " certificates whose names "
                + "take " + list.bytes() + " bytes in a CertificateRequest, over SChannel's " + LIMIT_BYTES
                + "-byte limit.", evidence);
    }
}
