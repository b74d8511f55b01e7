package io.certaudit.catalog.chain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainDefect;
import io.certaudit.chain.ChainStatus;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.ChainTrustError;
import io.certaudit.model.OsChainVerdict;
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
        citation = "certaudit: CertGetCertificateChain (HCCE_LOCAL_MACHINE, no AIA or root download) beside the "
                + "portable chain analysis",
        basis = "Windows behaviour: the verdict of CertGetCertificateChain on this host, compared with the "
                + "portable analysis so that a difference is shown rather than hidden",
        description = "Applies to service certificates the live Windows source had the chain engine judge. Warns "
                + "when Windows finds no trusted chain (untrusted root, partial chain, invalid signature, cycle, "
                + "explicit distrust) where the audit found a complete one, or when Windows trusts a chain the "
                + "audit found incomplete, ending at an untrusted root or distrusted. Also warns when the two "
                + "disagree on a constraint: CERT_TRUST_INVALID_BASIC_CONSTRAINTS against chain-issuer-not-ca and "
                + "chain-path-length-exceeded; CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT, "
                + "CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT and CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT against "
                + "name-constraints-violated; CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT against "
                + "critical-extension-unknown; CERT_TRUST_IS_EXPLICIT_DISTRUST against certificate-distrusted; "
                + "CERT_TRUST_IS_NOT_VALID_FOR_USAGE against chain-issuer-key-usage (both ways) and "
                + "chain-not-valid-for-usage (when Windows sets it and the audit found no usage problem: the "
                + "engine is asked for no particular usage, so its silence on usage proves nothing). Validity "
                + "periods, names and revocation (CERT_TRUST_IS_REVOKED, CERT_TRUST_REVOCATION_STATUS_UNKNOWN, "
                + "CERT_TRUST_IS_OFFLINE_REVOCATION: certificate-revoked and revocation-status-unavailable compare "
                + "those) are judged by their own rules and left out of the comparison.",
        remediation = {
                "Compare the two paths in the evidence (osChainPath and the audit's path).",
                "Look in certlm.msc for a cross-certificate or an intermediate in a store the audit does not read "
                        + "(Third-Party Root Certification Authorities, Untrusted Certificates), and run certutil "
                        + "-verify -urlfetch on the exported certificate to see Windows' reasoning."},
        evidence = {
                "auditPath", "auditStatus", "constraintDisagreements", "osChainErrorStatus", "osChainErrors",
                "osChainPath"})
public final class OsChainDisagrees extends CertificateRule {

    /** Evidence key: the chain context's CERT_TRUST_STATUS.dwErrorStatus as {@code 0x%08X}. */
    public static final String ERROR_STATUS_EVIDENCE = "osChainErrorStatus";
    /** Evidence key: the error bits by name. */
    public static final String ERRORS_EVIDENCE = "osChainErrors";
    /** Evidence key: the thumbprints of the chain Windows built, end certificate first. */
    public static final String PATH_EVIDENCE = "osChainPath";

    /**
     * The constraint checks compared bit by bit: the chain engine's trust-status bits (wincrypt.h) and the audit's
     * defects that mean the same. {@code bothWays} is false where Windows' silence proves nothing: the live source
     * asks the engine for no particular usage, so it need not flag a chain restricted away from MTLS.
     */
    private record Comparison(String name, Set<ChainTrustError> bits, List<ChainDefect> defects,
                              List<ChainDefect> expectingBits) {
    }

    private static final List<Comparison> COMPARISONS = List.of(
            new Comparison("basic constraints", EnumSet.of(ChainTrustError.INVALID_BASIC_CONSTRAINTS),
                    List.of(ChainDefect.ISSUER_NOT_CA, ChainDefect.PATH_LENGTH_EXCEEDED),
                    List.of(ChainDefect.ISSUER_NOT_CA, ChainDefect.PATH_LENGTH_EXCEEDED)),
            new Comparison("name constraints", EnumSet.of(ChainTrustError.HAS_NOT_SUPPORTED_NAME_CONSTRAINT,
                    ChainTrustError.HAS_NOT_PERMITTED_NAME_CONSTRAINT, ChainTrustError.HAS_EXCLUDED_NAME_CONSTRAINT),
                    List.of(ChainDefect.NAME_NOT_PERMITTED, ChainDefect.NAME_EXCLUDED,
                            ChainDefect.NAME_CONSTRAINT_UNSUPPORTED),
                    List.of(ChainDefect.NAME_NOT_PERMITTED, ChainDefect.NAME_EXCLUDED,
                            ChainDefect.NAME_CONSTRAINT_UNSUPPORTED)),
            new Comparison("critical extensions", EnumSet.of(ChainTrustError.HAS_NOT_SUPPORTED_CRITICAL_EXT), List.of(ChainDefect.CRITICAL_EXTENSION_UNKNOWN),
                    List.of(ChainDefect.CRITICAL_EXTENSION_UNKNOWN)),
            new Comparison("explicit distrust", EnumSet.of(ChainTrustError.IS_EXPLICIT_DISTRUST), List.of(ChainDefect.DISTRUSTED),
                    List.of(ChainDefect.DISTRUSTED)),
            new Comparison("usage", EnumSet.of(ChainTrustError.IS_NOT_VALID_FOR_USAGE), List.of(ChainDefect.ISSUER_KEY_USAGE, ChainDefect.NOT_VALID_FOR_USAGE),
                    List.of(ChainDefect.ISSUER_KEY_USAGE)));

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return certificate.osChainVerdict() != null && certificate.osChainVerdict().built();
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        OsChainVerdict verdict = certificate.osChainVerdict();
        Set<ChainTrustError> errors = verdict.errors();
        boolean windowsTrusts = verdict.trusted();
        CertificatePath path = context.chains().pathOf(certificate);
        boolean auditTrusts = path.status() == ChainStatus.COMPLETE && !path.has(ChainDefect.DISTRUSTED);
        List<String> constraintDisagreements = new ArrayList<>();
        for (Comparison comparison : COMPARISONS) {
            boolean windowsFlags = comparison.bits().stream().anyMatch(errors::contains);
            boolean auditFlags = comparison.defects().stream().anyMatch(path::has);
            boolean auditExpectsBits = comparison.expectingBits().stream().anyMatch(path::has);
            if (windowsFlags && !auditFlags) {
                constraintDisagreements.add(comparison.name() + ": Windows flags it, the audit does not");
            } else if (!windowsFlags && auditExpectsBits) {
                constraintDisagreements.add(comparison.name() + ": the audit flags it, Windows does not");
            }
        }
        if (windowsTrusts == auditTrusts && constraintDisagreements.isEmpty()) {
            return;
        }
        String errorNames = verdict.errorNames().isEmpty() ? "none" : String.join(", ", verdict.errorNames());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put(ERROR_STATUS_EVIDENCE, String.format("0x%08X", verdict.errorStatus()));
        evidence.put(ERRORS_EVIDENCE, errorNames);
        evidence.put(PATH_EVIDENCE, String.join(" > ", verdict.path()));
        evidence.put("auditStatus", path.status().label());
        evidence.put("auditPath", path.describe());
        if (!constraintDisagreements.isEmpty()) {
            evidence.put("constraintDisagreements", String.join("; ", constraintDisagreements));
        }
        if (windowsTrusts == auditTrusts) {
            findings.add(certificate, "Windows' chain engine and the audit judge the constraints of the chain of "
                    + certificate.label() + " differently (" + String.join("; ", constraintDisagreements) + ").",
                    evidence);
            return;
        }
        String message = windowsTrusts
                ? "Windows' chain engine trusts the chain of " + certificate.label() + ", but the audit finds it "
                        + (path.status() == ChainStatus.COMPLETE ? "distrusted" : path.status().label()) + " ("
                        + path.describe() + ")"
                        + (constraintDisagreements.isEmpty() ? "" : "; " + String.join("; ", constraintDisagreements))
                        + "."
                : "Windows' chain engine does not trust the chain of " + certificate.label() + " (" + errorNames
                        + "), but the audit finds a complete chain (" + path.describe() + ")"
                        + (constraintDisagreements.isEmpty() ? "" : "; " + String.join("; ", constraintDisagreements))
                        + ".";
        findings.add(certificate, message, evidence);
    }
}
