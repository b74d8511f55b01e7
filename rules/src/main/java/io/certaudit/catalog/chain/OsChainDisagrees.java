package io.certaudit.catalog.chain;

import java.util.LinkedHashMap;
import java.util.Map;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainStatus;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * The audit builds each service certificate's chain itself, across MY, CA and ROOT, so that it also works on an
 * exported copy. On the machine, the chain that matters is the one Windows' chain engine builds for SChannel. When
 * the two disagree, one of them sees something the other does not (a cross-certificate, a disallowed or
 * third-party root, a CTL), and the report must say so rather than trust either blindly.
 */
@RuleInfo(
        id = "os-chain-disagrees",
        title = "Windows' chain engine and the audit disagree on whether the chain is trusted",
        severity = Severity.WARNING,
        area = Area.CHAIN,
        citation = "certaudit: CertGetCertificateChain (HCCE_LOCAL_MACHINE, no network retrieval) beside the "
                + "portable chain analysis",
        description = "Applies to service certificates the live Windows source had the chain engine judge. Warns "
                + "when Windows finds no trusted chain (untrusted root, partial chain, invalid signature, cycle, "
                + "explicit distrust) where the audit found a complete one, or when Windows trusts a chain the "
                + "audit found incomplete or ending at an untrusted root. Validity periods, usages and names are "
                + "judged by their own rules and left out of the comparison.",
        remediation = "Compare the two paths in the evidence (osChainPath and the audit's path). Look in "
                + "certlm.msc for a cross-certificate or an intermediate in a store the audit does not read "
                + "(Third-Party Root Certification Authorities, Untrusted Certificates), and run "
                + "certutil -verify -urlfetch on the exported certificate to see Windows' reasoning.")
public final class OsChainDisagrees extends CertificateRule {

    /** Certificate property: the chain context's CERT_TRUST_STATUS.dwErrorStatus as {@code 0x%08X}. */
    public static final String ERROR_STATUS_PROPERTY = "osChainErrorStatus";
    /** Certificate property: the error bits by name. */
    public static final String ERRORS_PROPERTY = "osChainErrors";
    /** Certificate property: the thumbprints of the chain Windows built, end certificate first. */
    public static final String PATH_PROPERTY = "osChainPath";

    /**
     * The error bits that mean "no trusted chain", from wincrypt.h: CERT_TRUST_IS_NOT_SIGNATURE_VALID 0x8,
     * CERT_TRUST_IS_UNTRUSTED_ROOT 0x20, CERT_TRUST_IS_CYCLIC 0x80, CERT_TRUST_IS_PARTIAL_CHAIN 0x10000 and
     * CERT_TRUST_IS_EXPLICIT_DISTRUST 0x4000000.
     */
    static final int NO_TRUSTED_CHAIN = 0x00000008 | 0x00000020 | 0x00000080 | 0x00010000 | 0x04000000;

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return errorStatus(certificate) != null;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        boolean windowsTrusts = (errorStatus(certificate) & NO_TRUSTED_CHAIN) == 0;
        CertificatePath path = context.chains().pathOf(certificate);
        boolean auditTrusts = path.status() == ChainStatus.COMPLETE;
        if (windowsTrusts == auditTrusts) {
            return;
        }
        String errors = certificate.properties().getOrDefault(ERRORS_PROPERTY,
                certificate.properties().get(ERROR_STATUS_PROPERTY));
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put(ERROR_STATUS_PROPERTY, certificate.properties().get(ERROR_STATUS_PROPERTY));
        evidence.put(ERRORS_PROPERTY, errors);
        if (certificate.properties().containsKey(PATH_PROPERTY)) {
            evidence.put(PATH_PROPERTY, certificate.properties().get(PATH_PROPERTY));
        }
        evidence.put("auditStatus", path.status().label());
        evidence.put("auditPath", path.describe());
        String message = windowsTrusts
                ? "Windows' chain engine trusts the chain of " + certificate.label() + ", but the audit finds it "
                        + path.status().label() + " (" + path.describe() + ")."
                : "Windows' chain engine does not trust the chain of " + certificate.label() + " (" + errors
                        + "), but the audit finds a complete chain (" + path.describe() + ").";
        findings.add(certificate, message, evidence);
    }

    private static Integer errorStatus(StoredCertificate certificate) {
        String value = certificate.properties().get(ERROR_STATUS_PROPERTY);
        if (value == null || !value.startsWith("0x")) {
            return null;
        }
        try {
            return Integer.parseUnsignedInt(value.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
