package io.certaudit.catalog.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
                + "periods and names are judged by their own rules and left out of the comparison.",
        remediation = {
                "Compare the two paths in the evidence (osChainPath and the audit's path).",
                "Look in certlm.msc for a cross-certificate or an intermediate in a store the audit does not read "
                        + "(Third-Party Root Certification Authorities, Untrusted Certificates), and run certutil "
                        + "-verify -urlfetch on the exported certificate to see Windows' reasoning."},
        evidence = {
                "auditPath", "auditStatus", "constraintDisagreements", "osChainErrorStatus", "osChainErrors",
                "osChainPath"})
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

    /**
     * The constraint checks compared bit by bit: the chain engine's trust-status bits (wincrypt.h) and the audit's
     * defects that mean the same. {@code bothWays} is false where Windows' silence proves nothing: the live source
     * asks the engine for no particular usage, so it need not flag a chain restricted away from MTLS.
     */
    private record Comparison(String name, int bits, List<ChainDefect> defects, List<ChainDefect> expectingBits) {
    }

    private static final List<Comparison> COMPARISONS = List.of(
            new Comparison("basic constraints", 0x00000400,
                    List.of(ChainDefect.ISSUER_NOT_CA, ChainDefect.PATH_LENGTH_EXCEEDED),
                    List.of(ChainDefect.ISSUER_NOT_CA, ChainDefect.PATH_LENGTH_EXCEEDED)),
            new Comparison("name constraints", 0x00001000 | 0x00004000 | 0x00008000,
                    List.of(ChainDefect.NAME_NOT_PERMITTED, ChainDefect.NAME_EXCLUDED,
                            ChainDefect.NAME_CONSTRAINT_UNSUPPORTED),
                    List.of(ChainDefect.NAME_NOT_PERMITTED, ChainDefect.NAME_EXCLUDED,
                            ChainDefect.NAME_CONSTRAINT_UNSUPPORTED)),
            new Comparison("critical extensions", 0x08000000, List.of(ChainDefect.CRITICAL_EXTENSION_UNKNOWN),
                    List.of(ChainDefect.CRITICAL_EXTENSION_UNKNOWN)),
            new Comparison("explicit distrust", 0x04000000, List.of(ChainDefect.DISTRUSTED),
                    List.of(ChainDefect.DISTRUSTED)),
            new Comparison("usage", 0x00000010, List.of(ChainDefect.ISSUER_KEY_USAGE, ChainDefect.NOT_VALID_FOR_USAGE),
                    List.of(ChainDefect.ISSUER_KEY_USAGE)));

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
        // appliesTo made sure the status is there.
        int status = Objects.requireNonNull(errorStatus(certificate));
        boolean windowsTrusts = (status & NO_TRUSTED_CHAIN) == 0;
        CertificatePath path = context.chains().pathOf(certificate);
        boolean auditTrusts = path.status() == ChainStatus.COMPLETE && !path.has(ChainDefect.DISTRUSTED);
        List<String> constraintDisagreements = new ArrayList<>();
        for (Comparison comparison : COMPARISONS) {
            boolean windowsFlags = (status & comparison.bits()) != 0;
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
                : "Windows' chain engine does not trust the chain of " + certificate.label() + " (" + errors
                        + "), but the audit finds a complete chain (" + path.describe() + ")"
                        + (constraintDisagreements.isEmpty() ? "" : "; " + String.join("; ", constraintDisagreements))
                        + ".";
        findings.add(certificate, message, evidence);
    }

    private static @Nullable Integer errorStatus(StoredCertificate certificate) {
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
