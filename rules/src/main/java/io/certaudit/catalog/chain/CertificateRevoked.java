package io.certaudit.catalog.chain;

import java.util.Map;

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
                + "refuse the chain.",
        basis = "RFC 5280 section 6.3 and RFC 6960, as Windows' chain engine applies them (CERT_TRUST_IS_REVOKED)",
        remediation = {
                "Replace the revoked certificate: request a new one from the CA (certreq -new, submit, certreq "
                        + "-accept), bind it where the old one was used, then remove the revoked one from the store.",
                "If an intermediate CA certificate is revoked, install the CA's current intermediate in Intermediate "
                        + "Certification Authorities and reissue the certificates it signed.",
                "If the revocation was a mistake, only the CA can undo a certificateHold (remove it from the next "
                        + "CRL)."},
        evidence = {"chainOf", "issuer", "reason", "revokedAt", "sources", "status", "unknownReason"})
public final class CertificateRevoked extends HostRule {

    @Override
    protected boolean appliesTo(AuditContext context) {
        return context.snapshot().revocation().checked() && !context.snapshot().revocation().checks().isEmpty();
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
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
                    + ": peers that check revocation refuse the chain.", evidence);
        }
    }
}
