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
import io.certaudit.model.Tristate;

/*
 * KB 2464556, KB 2880390, KB 933430: SChannel sends the issuer names of all trusted roots in the
 * CertificateRequest; past 16 KB of encoded names the list is truncated and client-certificate authentication fails.
 * It matters only where the list is sent: IssuerListSending decides that from SendTrustedIssuerList, the Windows
 * version's default and the Client Authentication Issuers store, and quotes Microsoft's documentation for each step.
 * Where the sources cannot tell, the rule still warns and says so: a list over the limit breaks MTLS on every
 * server that sends it, and the audit cannot rule that out.
 */
@RuleInfo(
        id = "root-store-too-large",
        title = "Trusted issuer list exceeds 16 KB where SChannel sends it",
        severity = Severity.WARNING,
        area = Area.ROOTSTORE,
        citation = "Microsoft KB 2464556, KB 2880390, KB 933430: trusted issuer list limit in SChannel; Microsoft "
                + "\"Transport Layer Security (TLS) registry settings\" (SendTrustedIssuerList defaults) and "
                + "\"What's New in TLS/SSL (Schannel SSP)\" (Management of trusted issuers for client "
                + "authentication)",
        requirements = {Requirement.KB2464556, Requirement.KB2880390, Requirement.KB933430},
        description = "Warns when the distinguished names of the distinct certificates in the store the trusted "
                + "issuer list is built from (Trusted Root, or since Windows Server 2012 Client Authentication "
                + "Issuers when it holds certificates), each DER-encoded with a 2-byte length as in a TLS "
                + "CertificateRequest, add up to more than 16,384 bytes and SChannel sends that list: "
                + "SendTrustedIssuerList non-zero, or absent on Windows Server 2008 R2 and earlier (absent means "
                + "not sent since Windows Server 2012). On Windows Server 2012 / Windows 8 it warns whatever the "
                + "value says (KB 2880390). Not applicable where the list is known not to be sent; where the "
                + "sources tell neither the settings nor the Windows version it warns and says that it cannot "
                + "tell. Lists that are not sent but over the limit with an unknown Windows version are "
                + "reported as information.",
        remediation = {
                "Remove roots the server does not need from Trusted Root (keep the roots of the service's and the "
                        + "peer's chains).",
                "Or stop SChannel sending the list: set "
                        + "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\SendTrustedIssuerList "
                        + "to 0 (KB 933430, KB 2464556); on Windows Server 2012 install the update of KB 2880390."},
        evidence = {
                "ClientAuthTrustMode", "SendTrustedIssuerList", "clientAuthIssuerCertificates", "issuerListBytes",
                "issuerListSent", "issuerListStore", "limitBytes", "rootCertificates", "schannelSource",
                "windowsVersion"})
public final class RootStoreTooLarge extends HostRule {

    /** SChannel's limit on the encoded trusted issuer list, in bytes. */
    public static final int LIMIT_BYTES = TrustedIssuerList.LIMIT_BYTES;

    /** Applies where a list is or may be sent and its store holds certificates; known unsent is not applicable. */
    @Override
    protected boolean appliesTo(AuditContext context) {
        IssuerListSending sending = IssuerListSending.of(context.snapshot());
        if (sending.sent() == Tristate.NO && context.snapshot().windowsVersion() != null) {
            return false;
        }
        return !context.snapshot().store(sending.store()).isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        IssuerListSending sending = IssuerListSending.of(context.snapshot());
        StoreName store = sending.store();
        TrustedIssuerList list = TrustedIssuerList.of(context.snapshot().store(store));
        if (!list.exceedsLimit()) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("issuerListBytes", Integer.toString(list.bytes()));
        evidence.put("limitBytes", Integer.toString(LIMIT_BYTES));
        evidence.put(store == StoreName.ROOT ? "rootCertificates" : "clientAuthIssuerCertificates",
                Integer.toString(list.certificates()));
        evidence.putAll(sending.evidence(context.snapshot()));
        String size = store.displayName() + " holds " + list.certificates() + " certificates whose names take "
                + list.bytes() + " bytes in a CertificateRequest, over SChannel's " + LIMIT_BYTES + "-byte limit";
        findings.addHost(sending.sent() == Tristate.NO ? Severity.INFO : Severity.WARNING, store,
                size + "; " + sending.reason() + ".", evidence);
    }
}
