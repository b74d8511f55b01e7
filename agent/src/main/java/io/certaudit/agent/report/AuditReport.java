package io.certaudit.agent.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.certaudit.engine.Finding;

/**
 * The audit as the JSON report carries it, described by {@code docs/schema/audit-report.v1.json}. Every writer
 * renders this model, so a saved JSON re-renders to any format. Fields are added, never renamed or retyped;
 * readers ignore fields they do not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "tool", "host", "generatedAt", "evaluatedAt", "source", "status", "exitCode",
        "settings", "summary", "serviceCertificates", "stores", "problems", "findings", "rules", "serviceAccount",
        "hostFacts", "peers", "signatureEngines", "dns", "auditElevated", "schannel", "revocation"})
public record AuditReport(String schemaVersion, Tool tool, String host, String generatedAt, String evaluatedAt,
                          String source, String status, int exitCode, Settings settings, Summary summary,
                          List<String> serviceCertificates, List<Store> stores, List<Problem> problems,
                          List<FindingEntry> findings, List<RuleResult> rules, Account serviceAccount,
                          Map<String, String> hostFacts, List<Peer> peers,
                          List<SignatureEngineEntry> signatureEngines, Dns dns, String auditElevated,
                          Schannel schannel, Revocation revocation) {

    /** The {@link #source()} of a probe given no {@code --source}: no store was read. */
    public static final String NO_SOURCE = "no source";

    /** The schema version this code writes. Minor versions add fields; a major version would be a new file. */
    public static final String SCHEMA_VERSION = "1.5";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tool(String name, String version) {
    }

    /**
     * One engine certificate signatures were verified with (since 1.3; {@code null} in older reports), in the order
     * they are asked: how many signatures it judged, and why it judged none when it could not run here.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignatureEngineEntry(String engine, long verifications, String unavailableReason) {
    }

    /**
     * Whether the configured names were resolved (since 1.4; {@code null} in older reports) and what the system
     * resolver answered for each.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dns(boolean checked, List<NameResolutionEntry> names) {
    }

    /**
     * The SCHANNEL settings the sources read (since 1.5; {@code null} when none did, and in older reports) and the
     * Windows build their defaults were judged by.
     *
     * @param origin                {@code live registry} or {@code registry export}
     * @param where                 the registry key, or the export file and its key
     * @param sendTrustedIssuerList the value as read
     * @param clientAuthTrustMode   the value as read
     * @param trustMode             the trust mode in force ({@code Machine Trust} for an absent value), or
     *                              {@code null} when the value is unreadable or undocumented
     * @param windowsVersion        the Windows version a source told, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"origin", "where", "sendTrustedIssuerList", "clientAuthTrustMode", "trustMode",
            "windowsVersion"})
    public record Schannel(String origin, String where, DwordValue sendTrustedIssuerList,
                           DwordValue clientAuthTrustMode, String trustMode, String windowsVersion) {
    }

    /**
     * One REG_DWORD value as read (since 1.5).
     *
     * @param state  {@code value}, {@code absent} or {@code unreadable}
     * @param value  the value, or {@code null} unless {@code state} is {@code value}
     * @param detail why it could not be read, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"state", "value", "detail"})
    public record DwordValue(String state, Long value, String detail) {
    }

    /** What the resolver answered for one configured name (since 1.4). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "role", "outcome", "addresses", "expectedAddresses", "message"})
    public record NameResolutionEntry(String name, String role, String outcome, List<String> addresses,
                                      List<String> expectedAddresses, String message) {
    }

    /**
     * Whether the revocation status of the service chains and the peers' chains was fetched (since 1.5; {@code null}
     * in older reports), why not when it was not, and what each certificate's locations gave.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"checked", "notCheckedReason", "fetches", "fetchLimit", "certificates"})
    public record Revocation(boolean checked, String notCheckedReason, int fetches, int fetchLimit,
                             List<RevocationEntry> certificates) {
    }

    /** The revocation status of one certificate of a chain (since 1.5). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"thumbprint", "subject", "issuer", "store", "peer", "chainOf", "status", "reason",
            "revokedAt", "unknownReason", "sources"})
    public record RevocationEntry(String thumbprint, String subject, String issuer, String store, String peer,
                                  List<String> chainOf, String status, String reason, String revokedAt,
                                  String unknownReason, List<RevocationSourceEntry> sources) {
    }

    /** One location a certificate names for its revocation status, and what asking it gave (since 1.5). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"url", "kind", "outcome", "detail"})
    public record RevocationSourceEntry(String url, String kind, String outcome, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(String poolFqdn, List<String> instanceFqdns, String gatewayAddress, int expiryWarningDays,
                           Map<String, String> severityOverrides, List<String> disabledRules) {
    }

    /**
     * Counts. {@code rootStoreIssuerListBytes} (since 1.2; {@code null} in older reports) is the size of the trusted
     * issuer list SChannel builds from Trusted Root, to compare with its 16 KB limit.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(int certificates, int serviceCertificates, int findings, int errors, int warnings,
                          int info, int problems, Integer rootStoreIssuerListBytes) {
    }

    /**
     * One logical store. {@code given} (since 1.3; {@code null} in older reports, meaning given) is false when the
     * sources did not hold this store at all, so that its emptiness is not read as a fact about the host.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Store(String name, String displayName, List<CertificateEntry> certificates, Access access,
                        Boolean given) {

        /** Whether the sources held this store (reports before 1.3 do not say: they held it). */
        public boolean wasGiven() {
            return given == null || given;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"thumbprint", "sha256", "subject", "subjectCommonName", "issuer", "serialNumber",
            "notBefore", "notAfter", "keyAlgorithm", "keyBits", "signatureAlgorithm", "signatureAlgorithmOid",
            "subjectAlternativeNames", "extendedKeyUsages", "certificateAuthority", "selfSigned", "physicalStore",
            "origin", "friendlyName", "serviceCertificate", "hasPrivateKey", "privateKey", "chain", "properties"})
    public record CertificateEntry(String thumbprint, String sha256, String subject, String subjectCommonName,
                                   String issuer, String serialNumber, String notBefore, String notAfter,
                                   String keyAlgorithm, Integer keyBits, String signatureAlgorithm,
                                   String signatureAlgorithmOid, List<String> subjectAlternativeNames,
                                   List<String> extendedKeyUsages, boolean certificateAuthority, boolean selfSigned,
                                   String physicalStore, String origin, String friendlyName,
                                   boolean serviceCertificate, Boolean hasPrivateKey, PrivateKey privateKey,
                                   Chain chain, Map<String, String> properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * Private-key facts, never key material; {@code defect} (since 1.5; {@code null} in older reports) is what the
     * source proved wrong beyond presence: {@code none}, {@code key-mismatch}, {@code user-key-set}.
     */
    public record PrivateKey(String present, String kind, String provider, String container, Boolean machineKeyset,
                             String keyFile, Access access, String evidence, String defect) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(String object, String account, String accountSid, Boolean canRead, String sddl,
                         List<String> entries, String unknownReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chain(String status, List<String> path, List<ChainElement> elements, String missingIssuer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChainElement(String thumbprint, String store, String subject, String notAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String store, String origin, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"rule", "severity", "store", "thumbprint", "subject", "message", "remediation", "evidence",
            "peer", "remediationSteps"})
    public record FindingEntry(String rule, String severity, String store, String thumbprint, String subject,
                               String message, String remediation, Map<String, String> evidence, String peer,
                               List<String> remediationSteps) {

        /** Held in place of a remediation that is the steps joined (see {@link Finding}); compared by identity. */
        @SuppressWarnings("StringOperationCanBeSimplified")
        private static final String STEPS_JOINED = new String("(the steps joined)");

        public FindingEntry {
            if (remediationSteps != null && remediationSteps.size() > 1
                    && Finding.isJoined(remediation, remediationSteps)) {
                remediation = STEPS_JOINED;
            }
        }

        /** What to do about it, the steps joined into one text; joined when asked for if that is what it is. */
        @Override
        public String remediation() {
            return remediation == STEPS_JOINED ? String.join(" ", remediationSteps) : remediation;
        }

        @Override
        public String toString() {
            return "FindingEntry[rule=" + rule + ", severity=" + severity + ", store=" + store + ", thumbprint="
                    + thumbprint + ", subject=" + subject + ", message=" + message + ", remediation="
                    + remediation() + ", evidence=" + evidence + ", peer=" + peer + ", remediationSteps="
                    + remediationSteps + "]";
        }
    }

    /**
     * One MTLS peer probed over TLS (schema 1.1). {@code keyProof} (since 1.3; {@code null} in older reports):
     * {@code proven} when the peer signed the handshake with the key of the certificate it sent, else
     * {@code unproven}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"address", "resolvedAddress", "reached", "failure", "failureMessage", "protocol",
            "cipherSuite", "clientCertificateRequested", "clientCertificateRequired", "acceptableIssuers", "chain",
            "keyProof"})
    public record Peer(String address, String resolvedAddress, boolean reached, String failure, String failureMessage,
                       String protocol, String cipherSuite, boolean clientCertificateRequested,
                       Boolean clientCertificateRequired, List<String> acceptableIssuers,
                       List<PeerCertificate> chain, String keyProof) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PeerCertificate(String thumbprint, String subject, String issuer, String notAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleResult(String id, String result, int checked, int findings,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String notRunReason) {

        /** A rule that ran, or was turned off in the settings. */
        public RuleResult(String id, String result, int checked, int findings) {
            this(id, result, checked, findings, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String name, String sid, String foundBy) {
    }
}
