package io.certaudit.catalog.keys;

import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoredCertificate;

/*
 * CryptAcquireCertificatePrivateKey, without CRYPT_ACQUIRE_COMPARE_KEY_FLAG, opens whatever container the
 * certificate's CERT_KEY_PROV_INFO_PROP_ID names; with the flag it compares the public keys and fails with
 * NTE_BAD_PUBLIC_KEY when they differ (learn.microsoft.com/windows/win32/api/wincrypt/
 * nf-wincrypt-cryptacquirecertificateprivatekey). Schannel then signs the handshake with a key the peer cannot
 * verify against the certificate, and the handshake fails.
 */
@RuleInfo(
        id = "private-key-mismatch",
        title = "Service certificate points at a private key that is not its own",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "CryptAcquireCertificatePrivateKey, CRYPT_ACQUIRE_COMPARE_KEY_FLAG: a key that does not match "
                + "the certificate's public key fails with NTE_BAD_PUBLIC_KEY (learn.microsoft.com/windows/win32/"
                + "api/wincrypt/nf-wincrypt-cryptacquirecertificateprivatekey)",
        requirements = {Requirement.B1},
        description = "Fails when the certificate's key provider information names a key that exists but is not "
                + "the key of the certificate's public key, as Windows' own comparison "
                + "(CRYPT_ACQUIRE_COMPARE_KEY_FLAG) finds it. A service using the certificate would sign its TLS "
                + "handshakes with the wrong key and every peer would reject them.",
        remediation = "Re-import the certificate together with its own private key from a PFX "
                + "(Import-PfxCertificate -CertStoreLocation Cert:\\LocalMachine\\My), or, if the right key is still "
                + "on the machine, repair the association with certutil -repairstore my THUMBPRINT.",
        evidence = {"container", "evidence", "provider"})
public final class PrivateKeyMismatch extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        PrivateKeyFacts key = certificate.privateKey();
        if (key == null || key.defect() != KeyDefect.KEY_MISMATCH) {
            return;
        }
        Map<String, String> evidence = KeyEvidence.of(key);
        findings.add(certificate, "Service certificate " + certificate.label() + " points at a private key that "
                + "does not match its public key" + (key.evidence() == null ? "." : ": " + key.evidence() + "."),
                evidence);
    }
}
