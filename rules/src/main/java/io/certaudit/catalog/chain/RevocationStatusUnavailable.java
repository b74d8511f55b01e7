package io.certaudit.catalog.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.catalog.chain.RevocationEvidence.OsDisagreement;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.RevocationCheck;

/*
 * When no named location gives a usable answer, the chain engine sets CERT_TRUST_REVOCATION_STATUS_UNKNOWN, with
 * CERT_TRUST_IS_OFFLINE_REVOCATION when the server could not be reached (CERT_TRUST_STATUS, Microsoft docs). Lync
 * and Skype for Business servers then fail or stall the MTLS handshake ("TLS negotiation took too long to complete"
 * while the CRL fetch times out, field reports from Lync deployments without internet access), unless the
 * application ignores offline revocation. The audit asks from the machine it runs on, as the service does; the
 * peers fetch from theirs, which may see other servers.
 * Sources: https://learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status (0x40
 * CERT_TRUST_REVOCATION_STATUS_UNKNOWN, 0x1000000 CERT_TRUST_IS_OFFLINE_REVOCATION); field reports:
 * http://blog.masteringmsuc.com/2012/05/how-to-enable-certificate-crl-checking.html (Lync servers without access to
 * a public CA's CRL: "TLS Negotiation took too long to complete"), https://blog.schertz.name/2013/02/certificate-revocation-lync-2013/
 * (Lync 2013 clients require the CRL of the server certificate's CA); Microsoft's PKI blog (TechNet, "ADCS and
 * dedicated CRL signing certificates"): CAPI2 accepts only CRLs signed by the certificate's issuer, and OCSP
 * answers of a delegated OCSP-signing certificate.
 *
 * On live Windows with --check-revocation the chain engine is asked too, and its verdict on each service chain is
 * compared with the audit's (revoked is certificate-revoked's). For "could the status be obtained" the engine on
 * this host is authoritative for this host: it is what Schannel here uses, with the machine's URL cache and WinHTTP
 * proxy, which the audit's fetches do not share. So when the engine reports the chain unknown or offline
 * (CERT_TRUST_REVOCATION_STATUS_UNKNOWN, CERT_TRUST_IS_OFFLINE_REVOCATION) and the audit got verified answers for
 * all of it, the rule warns on the service certificate, saying Windows disagreed. When the audit could not obtain
 * a status and the engine could (from its cache, an LDAP or HTTPS location the audit does not fetch, or through
 * the machine's proxy), the audit's warning stands, since the peers fetch from their own network, and it says
 * Windows disagreed. Both carry the engine's verdict as evidence.
 */
@RuleInfo(
        id = "revocation-status-unavailable",
        title = "The revocation status of a chain certificate cannot be obtained from any location it names",
        severity = Severity.WARNING,
        area = Area.CHAIN,
        citation = "RFC 5280 section 6.3 (CRL validity: issuer, signature, thisUpdate/nextUpdate, scope); RFC 6960 "
                + "sections 2.2, 3.2 and 4.2.2.2 (OCSP answers and authorised responders); Microsoft, CERT_TRUST_STATUS: "
                + "CERT_TRUST_REVOCATION_STATUS_UNKNOWN and CERT_TRUST_IS_OFFLINE_REVOCATION; Microsoft, \"How "
                + "Certificate Revocation Works\"; Lync Server field reports: an unreachable CRL makes MTLS between "
                + "servers stall (\"TLS Negotiation took too long to complete\")",
        description = "Only with --check-revocation (or checkRevocation: true in the settings file); otherwise not "
                + "applicable. Warns for each certificate of a service path (root excluded) or of a proven peer "
                + "chain for which no named location gave a verified, current answer, naming each URL and why: "
                + "DNS, refused, timeout, HTTP status, too large, unparsable, bad signature, expired, wrong issuer, "
                + "out of scope, not HTTP (LDAP and HTTPS are not fetched), the run's fetch limit; or why none "
                + "could be asked (no location named, issuer not on the path). Windows reports such a certificate "
                + "as revocation status unknown (offline), which fails handshakes of peers that require the status. "
                + "On live Windows the chain engine is asked to check revocation too: when it reports a service "
                + "chain's status unknown or offline (CERT_TRUST_REVOCATION_STATUS_UNKNOWN, "
                + "CERT_TRUST_IS_OFFLINE_REVOCATION) where the audit got verified answers, the rule warns on the "
                + "service certificate (the engine, with this machine's URL cache and proxy, is what Schannel here "
                + "uses); when the audit got no status and Windows did, the audit's warning says Windows disagreed. "
                + "Either way the findings carry the engine's verdict.",
        basis = "RFC 5280 section 6.3 and RFC 6960, as Windows' chain engine applies them "
                + "(CERT_TRUST_REVOCATION_STATUS_UNKNOWN, CERT_TRUST_IS_OFFLINE_REVOCATION); Lync Server field reports",
        remediation = {
                "For each URL named: check that this server (and the peers) can fetch it over HTTP, through the "
                        + "proxy if there is one (certutil -url CERTFILE, or certutil -verify -urlfetch CERTFILE).",
                "Publish a current CRL at the CA (certutil -crl on the CA, then copy it to the HTTP location), renew "
                        + "a CRL past its nextUpdate, and open the firewall or proxy to the CDP and OCSP hosts.",
                "If the certificate names only LDAP locations, reissue it from a CA whose CDP and AIA include an HTTP "
                        + "URL."},
        evidence = {"chainOf", "issuer", "osChainErrorStatus", "osChainOf", "osRevocationErrors",
                "osRevocationStatus", "sources", "status", "unknownReason"})
public final class RevocationStatusUnavailable extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return RevocationEvidence.anyChecked(context);
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        List<OsDisagreement> disagreements = RevocationEvidence.osDisagreements(context);
        for (RevocationCheck check : context.snapshot().revocation().checks()) {
            if (check.status() != RevocationCheck.Status.UNKNOWN) {
                continue;
            }
            String why = check.unknownReason() != null ? check.unknownReason()
                    : "no location gave a verified, current answer: " + RevocationEvidence.describe(check);
            Map<String, String> evidence = RevocationEvidence.of(check);
            String windows = RevocationEvidence.osDisagreementsOn(check, disagreements, evidence);
            RevocationEvidence.report(findings, check, "The revocation status of " + check.label()
                    + " cannot be obtained (" + why + "): "
                    + (windows.isEmpty() ? "Windows would report it as unknown, and peers" : "peers")
                    + " that require it refuse or stall the handshake." + windows, evidence);
        }
        for (OsDisagreement disagreement : disagreements) {
            if (disagreement.windows() != RevocationCheck.Status.UNKNOWN
                    || disagreement.audit() != RevocationCheck.Status.GOOD) {
                continue; // revoked on either side is certificate-revoked's; an unknown of the audit is above
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("status", disagreement.audit().label());
            disagreement.addTo(evidence);
            findings.add(disagreement.service(), "Windows' chain engine could not obtain the revocation status of "
                    + "the chain of " + disagreement.service().label() + " ("
                    + disagreement.verdict().revocationErrorNames() + "), and Windows disagreed with the audit, "
                    + "which got verified answers for every certificate of it: this machine's chain engine, with "
                    + "its own URL cache and WinHTTP proxy (netsh winhttp show proxy), cannot reach the locations "
                    + "the audit reached.", evidence);
        }
    }
}
