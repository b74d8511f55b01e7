package io.certaudit.catalog.usage;

import java.util.List;
import java.util.Map;

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

    /** The EKUs as OIDs, for evidence a program reads. */
    static String oids(StoredCertificate certificate) {
        List<String> usages = certificate.facts().extendedKeyUsages();
        return usages == null ? "(no EKU extension)" : String.join(", ", usages);
    }

    /** The EKUs as a person reads them: by name, with the OID, as the certificates snap-in shows them. */
    static String describe(StoredCertificate certificate) {
        List<String> usages = certificate.facts().extendedKeyUsages();
        if (usages == null) {
            return "(no EKU extension)";
        }
        if (usages.isEmpty()) {
            return "none";
        }
        return String.join(", ", usages.stream()
                .map(oid -> NAMES.containsKey(oid) ? NAMES.get(oid) + " (" + oid + ")" : oid).toList());
    }

    /** The EKUs met in MTLS audits, named as Windows names them; others are shown as their OID. */
    private static final Map<String, String> NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "Server Authentication",
            "1.3.6.1.5.5.7.3.2", "Client Authentication",
            "1.3.6.1.5.5.7.3.3", "Code Signing",
            "1.3.6.1.5.5.7.3.4", "Secure Email",
            "1.3.6.1.5.5.7.3.8", "Time Stamping",
            "1.3.6.1.5.5.7.3.9", "OCSP Signing",
            "1.3.6.1.4.1.311.10.3.4", "Encrypting File System",
            "1.3.6.1.5.5.8.2.2", "IP security IKE intermediate",
            "2.5.29.37.0", "Any Purpose");
}
