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
 * The chain engine checks every certificate of a chain that ends in a trusted root, from the root down ("How
 * Certificate Revocation Works", Microsoft, Windows Server 2008 R2 and later); a revoked certificate anywhere on the
 * path sets CERT_TRUST_IS_REVOKED and Schannel refuses the handshake (SEC_E_CERT_REVOKED / CRYPT_E_REVOKED). The
 * answer counts only when it is verified as RFC 5280 6.3 (CRL) and RFC 6960 3.2 (OCSP) say: signed by the issuer
 * or its delegated responder, current at the audit's instant, covering the certificate. certificateHold is
 * revoked too: the chain engine does not tell a hold from a revocation.
 * Sources: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/ee619754(v=ws.10)
 * ("How Certificate Revocation Works": chains ending in a trusted root are checked, root CA down to the end
 * certificate; OCSP before CRLs except in stated cases); https://learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
 * (CERT_TRUST_IS_REVOKED 0x4); the values match mingw-w64's wincrypt.h, which the header lane compiles against.
 *
 * On live Windows with --check-revocation the chain engine is asked too (CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_
 * ROOT) and its verdict on each service chain is compared with the audit's. A revoked answer is authoritative
 * whichever side got it: the engine sets CERT_TRUST_IS_REVOKED only on a CRL or OCSP answer it verified against the
 * issuer, as the audit does, and revocation is not undone (but for a hold the CA lifts). So when Windows says
 * revoked and the audit says good or unknown, the rule fails on the service certificate with Windows' verdict as
 * evidence: the audit then saw an older CRL, an OCSP responder that lags the CRL, or could not reach a location
 * Windows reached (an LDAP or HTTPS one it does not fetch, a proxy it was not given). When the audit's verified
 * answer says revoked and Windows does not, the audit's finding stands and says Windows disagreed: the engine
 * answers from its URL cache until a cached CRL's nextUpdate, so this host may still accept a chain that peers
 * with a fresh CRL refuse.
 * Source: https://learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certgetcertificatechain (the flag;
 * CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL and CERT_CHAIN_REVOCATION_CHECK_CACHE_ONLY keep it to the cache).
 */
@RuleInfo(
        id = "certificate-revoked",
        title = "A certificate of a service chain or of a peer's chain is revoked",
        severity = Severity.ERROR,
        area = Area.CHAIN,
        citation = "RFC 5280 sections 5 and 6.3 (CRL validation); RFC 6960 (OCSP); Microsoft, \"How Certificate "
                + "Revocation Works\" (Windows Server 2008 R2 and later): revocation is checked for each chain that "
                + "ends in a trusted root, from the root CA down to the certificate; Lync Server 2013 certificate "
                + "requirements: peers check the revocation of the certificates presented in MTLS",
        description = "Only with --check-revocation (or checkRevocation: true in the settings file); otherwise not "
                + "applicable, as revocation was not checked. For each certificate of each service certificate's "
                + "path (the root excluded, as the chain engine's default CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_"
                + "ROOT does) and of each chain a peer proved it holds, the HTTP CRL distribution points (with "
                + "delta CRLs) and OCSP responders the certificate names are fetched and each answer verified: "
                + "signed by the issuer (or an OCSP responder the issuer delegated with id-kp-OCSPSigning), current "
                + "at the audit's instant, issued under the issuer's name and covering the certificate. Fails when "
                + "a verified answer says the certificate is revoked (on hold included); peers and Windows then "
                + "refuse the chain. On live Windows the chain engine is asked to check revocation too, and its "
                + "verdict on each service chain is compared: when it reports the chain revoked "
                + "(CERT_TRUST_IS_REVOKED) and the audit's answers do not, the rule fails on the service "
                + "certificate (a revoked answer is authoritative whichever side verified it); when the audit "
                + "finds a certificate revoked and Windows does not, the finding says Windows disagreed. Either "
                + "way the findings carry the engine's verdict.",
        basis = "RFC 5280 section 6.3 and RFC 6960, as Windows' chain engine applies them (CERT_TRUST_IS_REVOKED)",
        remediation = {
                "Replace the revoked certificate: request a new one from the CA (certreq -new, submit, certreq "
                        + "-accept), bind it where the old one was used, then remove the revoked one from the store.",
                "If an intermediate CA certificate is revoked, install the CA's current intermediate in Intermediate "
                        + "Certification Authorities and reissue the certificates it signed.",
                "If the revocation was a mistake, only the CA can undo a certificateHold (remove it from the next "
                        + "CRL)."},
        evidence = {"chainOf", "issuer", "osChainErrorStatus", "osChainOf", "osRevocationErrors",
                "osRevocationStatus", "reason", "revokedAt", "sources", "status", "unknownReason"})
public final class CertificateRevoked extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return RevocationEvidence.anyChecked(context);
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        List<OsDisagreement> disagreements = RevocationEvidence.osDisagreements(context);
        for (RevocationCheck check : context.snapshot().revocation().checks()) {
            if (check.status() != RevocationCheck.Status.REVOKED) {
                continue;
            }
            Map<String, String> evidence = RevocationEvidence.of(check);
            if (check.revocationReason() != null) {
                evidence.put("reason", check.revocationReason());
            }
            if (check.revocationDate() != null) {
                evidence.put("revokedAt", check.revocationDate().toString());
            }
            RevocationEvidence.report(findings, check, check.label() + " is revoked"
                    + (check.revocationReason() == null ? "" : " (" + check.revocationReason() + ")")
                    + (check.revocationDate() == null ? "" : " since " + check.revocationDate())
                    + ": peers that check revocation refuse the chain."
                    + RevocationEvidence.osDisagreementsOn(check, disagreements, evidence), evidence);
        }
        for (OsDisagreement disagreement : disagreements) {
            if (disagreement.windows() != RevocationCheck.Status.REVOKED) {
                continue;
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("status", disagreement.audit().label());
            disagreement.addTo(evidence);
            findings.add(disagreement.service(), "Windows' chain engine reports the chain of "
                    + disagreement.service().label() + " revoked (" + disagreement.verdict().revocationErrorNames()
                    + "), and Windows disagreed with the audit, whose answers say " + disagreement.audit().label()
                    + ": a revoked answer Windows verified is authoritative; the audit saw an older CRL or a "
                    + "lagging OCSP responder, or could not reach the location Windows used. Peers that check "
                    + "revocation refuse the chain.", evidence);
        }
    }
}
