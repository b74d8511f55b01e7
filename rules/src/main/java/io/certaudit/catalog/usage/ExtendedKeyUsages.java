package io.certaudit.catalog.usage;

import java.util.List;

import io.certaudit.model.CertificateFacts;
import io.certaudit.model.StoredCertificate;

/** How the EKU rules read a certificate's extended key usages. */
final class ExtendedKeyUsages {

    private ExtendedKeyUsages() {
    }

    /**
     * Whether the EKU extension restricts the certificate and leaves out {@code purpose}. A certificate without
     * the extension, or with anyExtendedKeyUsage, is valid for every purpose.
     */
    static boolean lacks(StoredCertificate certificate, String purpose) {
        List<String> usages = certificate.facts().extendedKeyUsages();
        return usages != null && !usages.contains(purpose) && !usages.contains(CertificateFacts.EKU_ANY);
    }

    static String describe(StoredCertificate certificate) {
        List<String> usages = certificate.facts().extendedKeyUsages();
        return usages == null ? "(no EKU extension)" : String.join(", ", usages);
    }
}
