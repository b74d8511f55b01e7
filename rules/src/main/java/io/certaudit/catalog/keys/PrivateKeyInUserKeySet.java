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
 * "Key Storage and Retrieval" (learn.microsoft.com/windows/win32/seccng/key-storage-and-retrieval): user private
 * keys live in the user's profile (%APPDATA%\Microsoft\Crypto\RSA\<SID>, ...\Crypto\Keys), shared (machine) keys
 * under %ALLUSERSPROFILE%. CRYPT_KEY_PROV_INFO.dwFlags without CRYPT_MACHINE_KEYSET sends every caller to its own
 * user key set (learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-crypt_key_prov_info), so a service
 * running as another account looks in its own profile and does not find the key. This happens when a PFX is
 * imported into LocalMachine\My with a tool that keeps the key in the importing user's key set.
 */
@RuleInfo(
        id = "private-key-in-user-key-set",
        title = "LocalMachine certificate's private key is in a user's key set",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "Key Storage and Retrieval: user private keys live in the user's profile, shared keys in the "
                + "machine key set; CRYPT_KEY_PROV_INFO dwFlags CRYPT_MACHINE_KEYSET "
                + "(learn.microsoft.com/windows/win32/seccng/key-storage-and-retrieval)",
        requirements = {Requirement.B7},
        description = "Fails when a service certificate in LocalMachine\\MY points at a private key in a per-user "
                + "key set (its key provider information lacks CRYPT_MACHINE_KEYSET) and the source could not show "
                + "that the key set is the service account's own. Windows looks for such a key in the profile of "
                + "whichever account opens it, so only the account that imported it can use it; the service "
                + "account cannot.",
        remediation = "Export the certificate with its key from the account that imported it and import it again "
                + "into the machine key set: Import-PfxCertificate -CertStoreLocation Cert:\\LocalMachine\\My (or "
                + "certutil -importpfx), which stores the key under %ProgramData%\\Microsoft\\Crypto.",
        evidence = {"container", "evidence", "provider"})
public final class PrivateKeyInUserKeySet extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        PrivateKeyFacts key = certificate.privateKey();
        if (key == null || key.defect() != KeyDefect.USER_KEY_SET) {
            return;
        }
        Map<String, String> evidence = KeyEvidence.of(key);
        findings.add(certificate, "The private key of service certificate " + certificate.label() + " is in a "
                + "user's key set, not the machine key set, so a service running as another account cannot open "
                + "it" + (key.evidence() == null ? "." : ": " + key.evidence() + "."), evidence);
    }
}
