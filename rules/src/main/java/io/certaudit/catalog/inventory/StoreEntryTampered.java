package io.certaudit.catalog.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * A registry store names each certificate's key after its SHA-1 in uppercase hex and records the same hash as
 * CERT_SHA1_HASH_PROP_ID (3) in the Blob; CryptoAPI writes both from the certificate itself (Wine's crypt32
 * regstore.c even skips entries whose key name does not match). An entry whose recorded hash is not the
 * certificate's was written or altered by something other than CryptoAPI: how a planted root shows up.
 */
@RuleInfo(
        id = "store-entry-tampered",
        title = "A store entry's recorded SHA-1 is not its certificate's",
        severity = Severity.ERROR,
        area = Area.INVENTORY,
        citation = "Windows registry certificate stores: ...\\<STORE>\\Certificates\\<SHA-1>\\Blob with "
                + "CERT_SHA1_HASH_PROP_ID (System Store Locations; Wine crypt32 regstore.c, serialize.c)",
        basis = "Windows behaviour: a registry store entry whose name is not the SHA-1 of its blob",
        description = "Fails for each certificate whose store entry records a SHA-1 (property 3 of the "
                + "serialized element, or the name of its registry key) that differs from the SHA-1 of the "
                + "certificate it holds. CryptoAPI never writes such an entry; it is the trace of a certificate "
                + "written into the registry by hand or by malware. Applies only where the source saw these "
                + "records (registry exports, serialized stores).",
        remediation = "Treat the host as possibly compromised: identify the certificate (certutil -dump on the "
                + "exported entry), find who wrote the registry key (its last-write time, Group Policy, software "
                + "deployment), remove the entry (reg delete the key named in the finding) and review what else "
                + "that writer changed.",
        evidence = {"actualSha1", "origin", "registryKeyName", "storedSha1"})
public final class StoreEntryTampered extends HostRule {

    /** Evidence key: the SHA-1 the entry records. */
    public static final String STORED_SHA1_EVIDENCE = "storedSha1";
    /** Evidence key: the name of the registry key holding the entry. */
    public static final String REGISTRY_KEY_NAME_EVIDENCE = "registryKeyName";

    @Override
    protected boolean appliesTo(AuditContext context) {
        return entries(context).stream().anyMatch(StoreEntryTampered::recordsASha1);
    }

    @Override
    protected void check(AuditContext context, Findings findings) {
        for (StoredCertificate certificate : entries(context)) {
            Map<String, String> evidence = new LinkedHashMap<>();
            List<String> mismatches = new ArrayList<>();
            mismatch(certificate, STORED_SHA1_EVIDENCE, certificate.storeEntry().storedSha1(),
                    "its recorded SHA-1 property", evidence, mismatches);
            mismatch(certificate, REGISTRY_KEY_NAME_EVIDENCE, certificate.storeEntry().registryKeyName(),
                    "its registry key name", evidence, mismatches);
            if (mismatches.isEmpty()) {
                continue;
            }
            evidence.put("actualSha1", certificate.thumbprint());
            evidence.put("origin", certificate.origin());
            findings.add(certificate, "The " + certificate.store() + " entry holding " + certificate.label()
                    + (certificate.physicalStore() == null ? "" : " in " + certificate.physicalStore()) + " says "
                    + "it is another certificate: " + String.join(" and ", mismatches) + ". CryptoAPI never "
                    + "writes such an entry; it was planted or altered.", evidence);
        }
    }

    private static void mismatch(StoredCertificate certificate, String property, String recorded, String what,
                                 Map<String, String> evidence, List<String> mismatches) {
        // Registry key names are case-insensitive, so a lowercase name still finds the entry it names.
        if (recorded != null && !recorded.equalsIgnoreCase(certificate.thumbprint())) {
            evidence.put(property, recorded);
            mismatches.add(what + " is " + recorded);
        }
    }

    private static boolean recordsASha1(StoredCertificate certificate) {
        return certificate.storeEntry().recordsASha1();
    }

    private static List<StoredCertificate> entries(AuditContext context) {
        List<StoredCertificate> entries = new ArrayList<>(context.snapshot().certificates());
        entries.addAll(context.snapshot().userStoreCertificates());
        return entries;
    }
}
