package io.certaudit.catalog.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.StoredCertificate;

/** The evidence and the reporting both revocation rules share, so that their findings read alike. */
final class RevocationEvidence {

    /** Evidence key: the service certificate whose chain Windows' chain engine judged differently. */
    static final String OS_CHAIN_OF = "osChainOf";
    /** Evidence key: what the chain engine said of the chain's revocation: good, revoked or unknown. */
    static final String OS_REVOCATION_STATUS = "osRevocationStatus";
    /** Evidence key: the revocation bits of the chain's CERT_TRUST_STATUS.dwErrorStatus, by name. */
    static final String OS_REVOCATION_ERRORS = "osRevocationErrors";
    /** Evidence key: the chain's CERT_TRUST_STATUS.dwErrorStatus as {@code 0x%08X}. */
    static final String OS_CHAIN_ERROR_STATUS = "osChainErrorStatus";

    private RevocationEvidence() {
    }

    /** Whether revocation was checked (--check-revocation) and some certificate's status was asked for. */
    static boolean anyChecked(AuditContext context) {
        return context.snapshot().revocation().checked() && !context.snapshot().revocation().checks().isEmpty();
    }

    /**
     * A service chain on which Windows' chain engine, asked to check revocation (live source with
     * --check-revocation), and the audit's own answers disagree. Both are judged per chain, as the engine reports
     * one status for the chain (the union of its elements'): revoked when any certificate of the path is, else
     * unknown when the status of any could not be obtained, else good.
     *
     * @param audit the audit's status of the chain, from its checks of the certificates of the service's path
     */
    record OsDisagreement(StoredCertificate service, OsChainVerdict verdict, RevocationCheck.Status windows,
                          RevocationCheck.Status audit) {

        /** The disagreement as evidence. */
        void addTo(Map<String, String> evidence) {
            evidence.merge(OS_CHAIN_OF, service.thumbprint(), (a, b) -> a + ", " + b);
            evidence.merge(OS_REVOCATION_STATUS, windows.label(), (a, b) -> a + ", " + b);
            evidence.merge(OS_REVOCATION_ERRORS, verdict.revocationErrorNames(), (a, b) -> a + "; " + b);
            evidence.merge(OS_CHAIN_ERROR_STATUS, String.format("0x%08X", verdict.errorStatus()),
                    (a, b) -> a + ", " + b);
        }

        /** What Windows said, for a message. */
        String windowsSays() {
            return "the chain engine reports the chain of " + service.label() + " as " + windows.label()
                    + " (" + verdict.revocationErrorNames() + ") where the audit's answers say " + audit.label();
        }
    }

    /**
     * The service chains the chain engine judged differently from the audit. Nothing when the engine was not asked
     * to check revocation, built no chain or found no trusted one ({@link OsChainVerdict#revocationStatus()}), or
     * when the audit checked no certificate of the chain.
     */
    static List<OsDisagreement> osDisagreements(AuditContext context) {
        List<OsDisagreement> disagreements = new ArrayList<>();
        for (StoredCertificate service : context.serviceCertificates()) {
            OsChainVerdict verdict = service.osChainVerdict();
            RevocationCheck.Status windows = verdict == null ? null : verdict.revocationStatus();
            if (windows == null) {
                continue;
            }
            RevocationCheck.Status audit = null;
            for (RevocationCheck check : context.snapshot().revocation().checks()) {
                if (check.peer() == null
                        && check.chainsOf().stream().anyMatch(service.thumbprint()::equalsIgnoreCase)) {
                    audit = worse(audit, check.status());
                }
            }
            if (audit != null && audit != windows) {
                disagreements.add(new OsDisagreement(service, verdict, windows, audit));
            }
        }
        return disagreements;
    }

    /** The disagreements on the chains that hold {@code check}, added to {@code evidence}; a message part or "". */
    static String osDisagreementsOn(RevocationCheck check, List<OsDisagreement> disagreements,
                                    Map<String, String> evidence) {
        if (check.peer() != null) {
            return "";
        }
        List<String> said = new ArrayList<>();
        for (OsDisagreement disagreement : disagreements) {
            if (check.chainsOf().stream().anyMatch(disagreement.service().thumbprint()::equalsIgnoreCase)) {
                disagreement.addTo(evidence);
                said.add(disagreement.windowsSays());
            }
        }
        return said.isEmpty() ? "" : " Windows disagreed: " + String.join("; ", said) + ".";
    }

    private static RevocationCheck.Status worse(RevocationCheck.@Nullable Status a, RevocationCheck.Status b) {
        if (a == RevocationCheck.Status.REVOKED || b == RevocationCheck.Status.REVOKED) {
            return RevocationCheck.Status.REVOKED;
        }
        if (a == RevocationCheck.Status.UNKNOWN || b == RevocationCheck.Status.UNKNOWN) {
            return RevocationCheck.Status.UNKNOWN;
        }
        return RevocationCheck.Status.GOOD;
    }

    static Map<String, String> of(RevocationCheck check) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", check.status().label());
        if (check.issuer() != null) {
            evidence.put("issuer", check.issuer());
        }
        if (!check.chainsOf().isEmpty()) {
            evidence.put("chainOf", String.join(", ", check.chainsOf()));
        }
        if (!check.sources().isEmpty()) {
            evidence.put("sources", describe(check));
        }
        if (check.unknownReason() != null) {
            evidence.put("unknownReason", check.unknownReason());
        }
        return evidence;
    }

    /** Each location and what it gave, in the order asked. */
    static String describe(RevocationCheck check) {
        return check.sources().stream().map(RevocationSource::describe).collect(Collectors.joining("; "));
    }

    /** Reports on the certificate where it was found: its store, or the peer that sent it. */
    static void report(Findings findings, RevocationCheck check, String message, Map<String, String> evidence) {
        if (check.peer() != null) {
            findings.addPeer(check.peer(), check.thumbprint(), check.subject(), message, evidence);
        } else {
            findings.addEntry(check.store(), check.thumbprint(), check.subject(), message, evidence);
        }
    }
}
