package io.certaudit.agent.report;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.certaudit.chain.CertificatePath;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.CertificateFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.WindowsVersion;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.TrustedIssuerList;

/** Turns an engine result into the report model: facts of every certificate, findings, rule outcomes. */
public final class ReportBuilder {

    private final String toolVersion;

    public ReportBuilder(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public AuditReport build(AuditResult result, Instant generatedAt) {
        return build(result, generatedAt, Map.of());
    }

    /**
     * The report, with {@code notRun} naming the rules that were not run because the source cannot give what they
     * judge (a capture holds no TLS handshake), and why.
     */
    public AuditReport build(AuditResult result, Instant generatedAt, Map<String, String> notRun) {
        AuditContext context = result.context();
        HostSnapshot snapshot = context.snapshot();
        List<AuditReport.Store> stores = new ArrayList<>();
        for (StoreName store : StoreName.values()) {
            List<StoredCertificate> certificates = snapshot.store(store);
            // What an entry shows of the chain analysis is worked out now, so that an entry made later (by the
            // writer, on another thread) neither does new work nor changes the counts the report gives below.
            for (StoredCertificate certificate : certificates) {
                settle(certificate, context);
            }
            stores.add(new AuditReport.Store(store.name(), store.displayName(),
                    new CertificateEntries(certificates, certificate -> entry(certificate, context)),
                    access(snapshot.storeAccess().get(store)), snapshot.storesGiven().contains(store)));
        }
        List<AuditReport.FindingEntry> findings = result.findings().stream().map(ReportBuilder::finding).toList();
        List<AuditReport.RuleResult> rules = result.outcomes().stream()
                .map(outcome -> outcome(outcome, notRun.get(outcome.rule()))).toList();
        List<AuditReport.Problem> problems = snapshot.problems().stream().map(ReportBuilder::problem).toList();
        AuditReport.Summary summary = new AuditReport.Summary(snapshot.certificates().size(),
                context.serviceCertificates().size(), findings.size(), (int) result.count(Severity.ERROR),
                (int) result.count(Severity.WARNING), (int) result.count(Severity.INFO), problems.size(),
                TrustedIssuerList.of(snapshot.store(StoreName.ROOT)).bytes());
        var account = snapshot.serviceAccount();
        return new AuditReport(AuditReport.SCHEMA_VERSION, new AuditReport.Tool("certaudit", toolVersion),
                snapshot.hostName(), generatedAt.toString(), context.at().toString(), snapshot.source(),
                result.status().name(), result.status().exitCode(), settings(context.settings()), summary,
                context.serviceCertificates().stream().map(StoredCertificate::thumbprint).toList(), stores, problems,
                findings, rules,
                account == null ? null : new AuditReport.Account(account.name(), account.sid(), account.foundBy()),
                FactEvidence.hostFacts(snapshot), snapshot.peers().stream().map(ReportBuilder::peer).toList(),
                context.chains().signatureEngines().stream().map(use -> new AuditReport.SignatureEngineEntry(
                        use.engine(), use.verifications(), use.unavailableReason())).toList(),
                dns(snapshot), snapshot.auditElevated().name().toLowerCase(java.util.Locale.ROOT), schannel(snapshot),
                revocation(snapshot));
    }

    private static AuditReport.Schannel schannel(HostSnapshot snapshot) {
        SchannelSettings settings = snapshot.schannel();
        WindowsVersion version = snapshot.windowsVersion();
        if (settings == null) {
            return version == null ? null
                    : new AuditReport.Schannel(null, null, null, null, null, version.describe());
        }
        SchannelSettings.TrustMode mode = settings.trustMode();
        return new AuditReport.Schannel(settings.origin().label(), settings.where(),
                dword(settings.sendTrustedIssuerList()), dword(settings.clientAuthTrustMode()),
                mode == null ? null : mode.title(), version == null ? null : version.describe());
    }

    private static AuditReport.DwordValue dword(RegistryDword value) {
        return new AuditReport.DwordValue(value.state().name().toLowerCase(java.util.Locale.ROOT),
                value.state() == RegistryDword.State.VALUE ? value.value() : null, value.detail());
    }

    private static AuditReport.Revocation revocation(HostSnapshot snapshot) {
        var facts = snapshot.revocation();
        return new AuditReport.Revocation(facts.checked(), facts.notCheckedReason(), facts.fetches(),
                facts.fetchLimit(), facts.checks().stream().map(check -> new AuditReport.RevocationEntry(
                        check.thumbprint(), check.subject(), check.issuer(),
                        check.store() == null ? null : check.store().name(),
                        check.peer() == null ? null : check.peer().toString(), check.chainsOf(),
                        check.status().label(), check.revocationReason(),
                        check.revocationDate() == null ? null : check.revocationDate().toString(),
                        check.unknownReason(), check.sources().stream().map(source ->
                                new AuditReport.RevocationSourceEntry(source.url(), source.kind().label(),
                                        source.outcome().label(), source.detail())).toList()))
                        .toList());
    }

    private static AuditReport.Dns dns(HostSnapshot snapshot) {
        return new AuditReport.Dns(snapshot.dnsChecked(), snapshot.nameResolutions().stream()
                .map(r -> new AuditReport.NameResolutionEntry(r.name(), r.role().label(), r.outcome().label(),
                        r.addresses(), r.expectedAddresses(), r.failureMessage()))
                .toList());
    }

    private static AuditReport.Settings settings(AuditSettings settings) {
        Map<String, String> overrides = new TreeMap<>();
        settings.severityOverrides().forEach((rule, severity) -> overrides.put(rule, severity.label()));
        return new AuditReport.Settings(settings.poolFqdn(), settings.instanceFqdns(), settings.gatewayAddress(),
                settings.expiryWarningDays(), overrides, settings.disabledRules().stream().sorted().toList());
    }

    private static void settle(StoredCertificate certificate, AuditContext context) {
        context.chains().isSelfSigned(certificate);
        if (certificate.store() == StoreName.MY) {
            context.chains().pathOf(certificate);
        }
    }

    private static AuditReport.CertificateEntry entry(StoredCertificate certificate, AuditContext context) {
        CertificateFacts facts = certificate.facts();
        AuditReport.Chain chain = null;
        if (certificate.store() == StoreName.MY) {
            chain = chain(context.chains().pathOf(certificate));
        }
        PrivateKeyFacts key = certificate.privateKey();
        return new AuditReport.CertificateEntry(certificate.thumbprint(), certificate.sha256(), facts.subject(),
                facts.subjectCommonName(), facts.issuer(), facts.serialNumber(), facts.notBefore().toString(),
                facts.notAfter().toString(), facts.keyAlgorithm(), facts.keyBits(), facts.signatureAlgorithm(),
                facts.signatureAlgorithmOid(), facts.subjectAlternativeNames(), facts.extendedKeyUsages(),
                facts.certificateAuthority(), context.chains().isSelfSigned(certificate),
                certificate.physicalStore(), certificate.origin(), certificate.friendlyName(),
                context.isServiceCertificate(certificate), certificate.hasPrivateKey().toBoolean(),
                key == null ? null : privateKey(key), chain, FactEvidence.properties(certificate));
    }

    private static AuditReport.Chain chain(CertificatePath path) {
        List<AuditReport.ChainElement> elements = path.elements().stream()
                .map(e -> new AuditReport.ChainElement(e.thumbprint(), e.store().name(), e.facts().subject(),
                        e.facts().notAfter().toString()))
                .toList();
        return new AuditReport.Chain(path.status().label(), path.thumbprints(), elements, path.missingIssuer());
    }

    private static AuditReport.PrivateKey privateKey(PrivateKeyFacts key) {
        return new AuditReport.PrivateKey(key.present().name().toLowerCase(java.util.Locale.ROOT),
                key.kind().name(), key.provider(), key.container(), key.machineKeyset().toBoolean(), key.keyFile(),
                access(key.keyFileAccess()), key.evidence(),
                key.defect().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private static AuditReport.Access access(AccessFacts access) {
        if (access == null) {
            return null;
        }
        return new AuditReport.Access(access.object(), access.account(), access.accountSid(),
                access.canRead().toBoolean(), access.sddl(), access.entries(), access.unknownReason());
    }

    private static AuditReport.FindingEntry finding(Finding finding) {
        return new AuditReport.FindingEntry(finding.rule(), finding.severity().label(),
                finding.store() == null ? null : finding.store().name(), finding.thumbprint(), finding.subject(),
                finding.message(), finding.remediation(), finding.evidence(), finding.evidence().get("peer"),
                finding.remediationSteps());
    }

    private static AuditReport.Peer peer(PeerObservation peer) {
        List<AuditReport.PeerCertificate> chain = new ArrayList<>();
        List<String> thumbprints = peer.thumbprints();
        for (int i = 0; i < peer.chain().size(); i++) {
            X509Certificate certificate = peer.chain().get(i);
            chain.add(new AuditReport.PeerCertificate(thumbprints.get(i),
                    certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getNotAfter().toInstant().toString()));
        }
        return new AuditReport.Peer(peer.address().toString(), peer.resolvedAddress(), peer.reached(),
                peer.failure() == null ? null : peer.failure().label(), peer.failureMessage(), peer.protocol(),
                peer.cipherSuite(), peer.clientCertificateRequested(), peer.clientCertificateRequired().toBoolean(),
                peer.acceptableIssuerNames(), chain, peer.keyProof().label());
    }

    private static AuditReport.RuleResult outcome(RuleOutcome outcome, String notRunReason) {
        return new AuditReport.RuleResult(outcome.rule(), outcome.result().label(), outcome.checked(),
                outcome.findings(), outcome.result() == RuleOutcome.Result.DISABLED ? notRunReason : null);
    }

    private static AuditReport.Problem problem(SourceProblem problem) {
        return new AuditReport.Problem(problem.store() == null ? null : problem.store().name(), problem.origin(),
                problem.message());
    }
}
