package io.certaudit.agent.windows;

import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.model.ChainTrustError;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.StoredCertificate;

/**
 * The Windows chain engine's verdict as the model's {@link OsChainVerdict}: the chain's trust status, the path it
 * built by thumbprint, or why it built none.
 * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
 */
final class ChainTrustStatus {

    private ChainTrustStatus() {
    }

    /** The error bits by name; bits wincrypt.h does not define appear in hexadecimal. */
    static List<String> errorNames(int errorStatus) {
        return ChainTrustError.names(errorStatus);
    }

    /** What the engine said, as the model holds it. */
    static OsChainVerdict verdict(ChainVerdict verdict) {
        return verdict(verdict, false);
    }

    /** What the engine said, as the model holds it, noting whether it was asked to check revocation. */
    static OsChainVerdict verdict(ChainVerdict verdict, boolean revocationChecked) {
        if (verdict.error() != null) {
            return OsChainVerdict.failed(verdict.error().describe());
        }
        List<String> path = new ArrayList<>();
        for (ChainElement element : verdict.elements()) {
            path.add(StoredCertificate.digest("SHA-1", element.encoded()));
        }
        return new OsChainVerdict(verdict.errorStatus(), verdict.infoStatus(), path, null, revocationChecked);
    }

    /** The certificate with the engine's verdict attached. */
    static StoredCertificate attach(StoredCertificate certificate, ChainVerdict verdict) {
        return attach(certificate, verdict, false);
    }

    /** The certificate with the engine's verdict attached, noting whether it was asked to check revocation. */
    static StoredCertificate attach(StoredCertificate certificate, ChainVerdict verdict, boolean revocationChecked) {
        return certificate.withOsChainVerdict(verdict(verdict, revocationChecked));
    }
}
