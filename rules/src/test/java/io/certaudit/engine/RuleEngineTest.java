package io.certaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RuleEngineTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Engine Test Root");
    private static final Issued ALPHA = PKI.issue(ROOT, PKI.spec("alpha.example.com").san("alpha.example.com"));
    private static final Issued BETA = PKI.issue(ROOT, PKI.spec("beta.example.com").san("beta.example.com"));

    /** Two service certificates, alpha and beta, under a trusted root. */
    private static HostSnapshot twoServiceCertificates() {
        return new HostFixture().add(StoreName.ROOT, ROOT).addWithKey(ALPHA).addWithKey(BETA).snapshot();
    }

    private static AuditResult run(AuditSettings settings, Rule... rules) {
        return new RuleEngine(new RuleCatalog(List.of(rules))).run(twoServiceCertificates(), settings, TestPki.NOW);
    }

    private static AuditResult run(Rule... rules) {
        return run(AuditSettings.defaults(), rules);
    }

    private static RuleOutcome outcome(AuditResult result, String rule) {
        return result.outcomes().stream().filter(o -> o.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static List<Finding> findings(AuditResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aRuleThatThrowsBecomesAWarningOfThatRuleAndTheOthersStillRun() {
        AuditResult result = run(new AlwaysThrows(), new FlagsEveryService());

        List<Finding> failure = findings(result, "always-throws");
        assertEquals(1, failure.size(), () -> result.findings().toString());
        assertEquals(Severity.WARNING, failure.get(0).severity());
        assertTrue(failure.get(0).message().contains("could not be evaluated"), failure.get(0).message());
        assertTrue(failure.get(0).message().contains("boom"), failure.get(0).message());
        assertEquals(IllegalStateException.class.getName(), failure.get(0).evidence().get("ruleFailure"));
        assertEquals(RuleOutcome.Result.ERROR, outcome(result, "always-throws").result());

        assertEquals(2, findings(result, "flags-every-service").size());
        assertEquals(RuleOutcome.Result.FAILED, outcome(result, "flags-every-service").result());
        assertEquals(AuditStatus.WARNING, result.status());
    }

    @Test
    void anOverrideNeitherHidesNorInflatesARuleFailure() {
        for (Severity override : new Severity[] {Severity.INFO, Severity.ERROR}) {
            AuditResult result = run(AuditSettings.defaults()
                    .withSeverityOverrides(Map.of("always-throws", override)), new AlwaysThrows());
            assertEquals(Severity.WARNING, findings(result, "always-throws").get(0).severity(), override::toString);
            assertEquals(AuditStatus.WARNING, result.status(), override::toString);
        }
    }

    @Test
    void aCheckThatThrowsForOneCertificateNamesItAndTheOtherCertificatesAreStillJudged() {
        AuditResult result = run(new ThrowsForAlpha());

        List<Finding> found = findings(result, "throws-for-alpha");
        assertEquals(2, found.size(), found::toString);
        Finding failure = found.stream().filter(f -> f.message().contains("could not be evaluated")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, failure.severity());
        assertEquals(StoreName.MY, failure.store());
        assertEquals(thumbprint(ALPHA), failure.thumbprint());
        Finding judged = found.stream().filter(f -> f != failure).findFirst().orElseThrow();
        assertEquals(thumbprint(BETA), judged.thumbprint());
        assertEquals(RuleOutcome.Result.ERROR, outcome(result, "throws-for-alpha").result());
    }

    @Test
    void aRuleThatThrowsWhileDecidingWhetherItAppliesDoesNotStopTheAudit() {
        AuditResult result = run(new ThrowsWhileChoosing(), new FlagsEveryService());

        List<Finding> failure = findings(result, "throws-while-choosing");
        assertEquals(1, failure.size(), () -> result.findings().toString());
        assertEquals(Severity.WARNING, failure.get(0).severity());
        assertTrue(failure.get(0).message().contains("could not be evaluated"), failure.get(0).message());
        assertEquals(RuleOutcome.Result.ERROR, outcome(result, "throws-while-choosing").result());
        assertEquals(2, findings(result, "flags-every-service").size());
    }

    @Test
    void aRuleImplementedWithoutTheBaseClassesThatThrowsDoesNotStopTheAudit() {
        AuditResult result = run(new BareRuleThatThrows(), new FlagsEveryService());

        List<Finding> failure = findings(result, "bare-rule-that-throws");
        assertEquals(1, failure.size(), () -> result.findings().toString());
        assertEquals(Severity.WARNING, failure.get(0).severity());
        assertEquals(RuleOutcome.Result.ERROR, outcome(result, "bare-rule-that-throws").result());
        assertEquals(2, findings(result, "flags-every-service").size());
    }

    @Test
    void severityOverridesChangeOnlyTheRulesTheyName() {
        AuditSettings settings = AuditSettings.defaults()
                .withSeverityOverrides(Map.of("flags-every-service", Severity.ERROR));
        AuditResult result = run(settings, new FlagsEveryService(), new FindsAnInfo());

        assertTrue(findings(result, "flags-every-service").stream().allMatch(f -> f.severity() == Severity.ERROR),
                () -> result.findings().toString());
        assertEquals(Severity.INFO, findings(result, "finds-an-info").get(0).severity());
        assertEquals(AuditStatus.CRITICAL, result.status());
        assertEquals(2, result.status().exitCode());
    }

    @Test
    void overridingToInfoTakesAFindingOutOfTheStatus() {
        AuditSettings settings = AuditSettings.defaults()
                .withSeverityOverrides(Map.of("flags-every-service", Severity.INFO));
        AuditResult result = run(settings, new FlagsEveryService());

        assertEquals(2, result.count(Severity.INFO));
        assertEquals(AuditStatus.OK, result.status());
        assertEquals(0, result.status().exitCode());
    }

    @Test
    void disabledRulesDoNotRunAndSaySo() {
        AuditSettings settings = AuditSettings.defaults().withDisabledRules(Set.of("always-throws",
                "flags-every-service"));
        AuditResult result = run(settings, new AlwaysThrows(), new FlagsEveryService(), new FindsAnInfo());

        assertEquals(new RuleOutcome("always-throws", RuleOutcome.Result.DISABLED, 0, 0),
                outcome(result, "always-throws"));
        assertEquals(new RuleOutcome("flags-every-service", RuleOutcome.Result.DISABLED, 0, 0),
                outcome(result, "flags-every-service"));
        assertTrue(findings(result, "always-throws").isEmpty());
        assertTrue(findings(result, "flags-every-service").isEmpty());
        assertEquals(1, findings(result, "finds-an-info").size());
        assertEquals(AuditStatus.OK, result.status());
    }

    @Test
    void aRuleThatAppliesToNothingIsNotApplicableNotPassed() {
        AuditResult result = run(new NeverApplies(), new FindsNothing(), new ChecksCertificatesFindsNothing());

        assertEquals(new RuleOutcome("never-applies", RuleOutcome.Result.NOT_APPLICABLE, 0, 0),
                outcome(result, "never-applies"));
        assertEquals(new RuleOutcome("finds-nothing", RuleOutcome.Result.PASSED, 1, 0),
                outcome(result, "finds-nothing"));
        assertEquals(new RuleOutcome("checks-certificates-finds-nothing", RuleOutcome.Result.PASSED, 2, 0),
                outcome(result, "checks-certificates-finds-nothing"));
        assertEquals(AuditStatus.OK, result.status());
    }

    @Test
    void aCertificateRuleOnAHostWithoutServiceCertificatesIsNotApplicable() {
        HostSnapshot empty = new HostFixture().add(StoreName.ROOT, ROOT).snapshot();
        AuditResult result = new RuleEngine(new RuleCatalog(List.of(new ChecksCertificatesFindsNothing())))
                .run(empty, AuditSettings.defaults(), TestPki.NOW);

        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(result, "checks-certificates-finds-nothing").result());
    }

    @Test
    void outcomesFollowCatalogueOrder() {
        AuditResult result = run(new FindsAnInfo(), new NeverApplies(), new FlagsEveryService());

        assertEquals(List.of("finds-an-info", "never-applies", "flags-every-service"),
                result.outcomes().stream().map(RuleOutcome::rule).toList());
    }

    @Test
    void identicalFindingsAreReportedOnce() {
        AuditResult result = run(new ReportsTwice());

        assertEquals(1, findings(result, "reports-twice").size(), () -> result.findings().toString());
        assertEquals(new RuleOutcome("reports-twice", RuleOutcome.Result.FAILED, 1, 1),
                outcome(result, "reports-twice"));
    }

    @Test
    void findingsAreOrderedWorstFirstThenByRuleAndThumbprint() {
        AuditResult result = run(new FindsAnInfo(), new FlagsEveryService(), new FindsAnError(),
                new AlsoFlagsEveryService());

        List<String> order = result.findings().stream()
                .map(f -> f.severity() + " " + f.rule() + " " + f.thumbprint()).toList();
        List<String> expected = new java.util.ArrayList<>();
        expected.add("ERROR finds-an-error null");
        String[] sorted = {thumbprint(ALPHA), thumbprint(BETA)};
        java.util.Arrays.sort(sorted);
        for (String rule : List.of("also-flags-every-service", "flags-every-service")) {
            for (String thumbprint : sorted) {
                expected.add("WARNING " + rule + " " + thumbprint);
            }
        }
        expected.add("INFO finds-an-info null");
        assertEquals(expected, order);
    }

    @Test
    void statusAndExitCodeComeFromTheWorstFinding() {
        Finding error = finding(Severity.ERROR);
        Finding warning = finding(Severity.WARNING);
        Finding info = finding(Severity.INFO);

        assertEquals(AuditStatus.OK, AuditStatus.of(List.of()));
        assertEquals(AuditStatus.OK, AuditStatus.of(List.of(info)));
        assertEquals(AuditStatus.WARNING, AuditStatus.of(List.of(info, warning)));
        assertEquals(AuditStatus.CRITICAL, AuditStatus.of(List.of(warning, error, info)));
        assertEquals(0, AuditStatus.OK.exitCode());
        assertEquals(1, AuditStatus.WARNING.exitCode());
        assertEquals(2, AuditStatus.CRITICAL.exitCode());
    }

    @Test
    void theResultStatusIsDerivedFromItsFindings() {
        assertEquals(AuditStatus.OK, run(new FindsAnInfo()).status());
        assertEquals(AuditStatus.WARNING, run(new FindsAnInfo(), new FlagsEveryService()).status());
        assertEquals(AuditStatus.CRITICAL, run(new FlagsEveryService(), new FindsAnError()).status());
    }

    private static Finding finding(Severity severity) {
        return new Finding("some-rule", severity, null, null, null, "text", "fix", Map.of());
    }

    private static String thumbprint(Issued issued) {
        return issued.in(StoreName.MY).thumbprint();
    }

    // The test rules. Each class is named after its id, as the catalogue demands.

    @RuleInfo(id = "always-throws", title = "Throws", severity = Severity.ERROR, area = Area.INVENTORY,
            citation = "test", remediation = "none", description = "Throws from its check.")
    static final class AlwaysThrows extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            throw new IllegalStateException("boom");
        }
    }

    @RuleInfo(id = "throws-for-alpha", title = "Throws for alpha", severity = Severity.ERROR, area = Area.NAMES,
            citation = "test", remediation = "none", description = "Throws for alpha, flags the others.")
    static final class ThrowsForAlpha extends CertificateRule {
        @Override
        protected Scope scope() {
            return Scope.SERVICE_CERTIFICATES;
        }

        @Override
        protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
            if (certificate.facts().subjectCommonName().startsWith("alpha")) {
                throw new IllegalArgumentException("cannot judge alpha");
            }
            findings.add(certificate, "judged " + certificate.label());
        }
    }

    @RuleInfo(id = "throws-while-choosing", title = "Throws while choosing", severity = Severity.ERROR,
            area = Area.KEYS, citation = "test", remediation = "none", description = "Throws from appliesTo.")
    static final class ThrowsWhileChoosing extends CertificateRule {
        @Override
        protected Scope scope() {
            return Scope.SERVICE_CERTIFICATES;
        }

        @Override
        protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
            throw new IllegalStateException("cannot tell");
        }

        @Override
        protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
            findings.add(certificate, "never reached");
        }
    }

    @RuleInfo(id = "bare-rule-that-throws", title = "Bare rule", severity = Severity.ERROR, area = Area.KEYS,
            citation = "test", remediation = "none", description = "Implements Rule directly and throws.")
    static final class BareRuleThatThrows implements Rule {
        @Override
        public int evaluate(AuditContext context, Findings findings) {
            throw new UnsupportedOperationException("bare");
        }
    }

    @RuleInfo(id = "flags-every-service", title = "Flags every service certificate", severity = Severity.WARNING,
            area = Area.NAMES, citation = "test", remediation = "none", description = "One finding per certificate.")
    static final class FlagsEveryService extends CertificateRule {
        @Override
        protected Scope scope() {
            return Scope.SERVICE_CERTIFICATES;
        }

        @Override
        protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
            findings.add(certificate, "flagged " + certificate.label());
        }
    }

    @RuleInfo(id = "also-flags-every-service", title = "Also flags", severity = Severity.WARNING,
            area = Area.NAMES, citation = "test", remediation = "none", description = "One finding per certificate.")
    static final class AlsoFlagsEveryService extends CertificateRule {
        @Override
        protected Scope scope() {
            return Scope.SERVICE_CERTIFICATES;
        }

        @Override
        protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
            findings.add(certificate, "also flagged " + certificate.label());
        }
    }

    @RuleInfo(id = "checks-certificates-finds-nothing", title = "Finds nothing", severity = Severity.ERROR,
            area = Area.NAMES, citation = "test", remediation = "none", description = "Applies, finds nothing.")
    static final class ChecksCertificatesFindsNothing extends CertificateRule {
        @Override
        protected Scope scope() {
            return Scope.SERVICE_CERTIFICATES;
        }

        @Override
        protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
            // every certificate passes
        }
    }

    @RuleInfo(id = "finds-an-error", title = "Finds an error", severity = Severity.ERROR, area = Area.ROOTSTORE,
            citation = "test", remediation = "none", description = "One host-wide error.")
    static final class FindsAnError extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(StoreName.ROOT, "an error", Map.of());
        }
    }

    @RuleInfo(id = "finds-an-info", title = "Finds an info", severity = Severity.INFO, area = Area.ROOTSTORE,
            citation = "test", remediation = "none", description = "One host-wide info.")
    static final class FindsAnInfo extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "for information", Map.of());
        }
    }

    @RuleInfo(id = "finds-nothing", title = "Finds nothing", severity = Severity.ERROR, area = Area.ROOTSTORE,
            citation = "test", remediation = "none", description = "Applies to the host, finds nothing.")
    static final class FindsNothing extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            // the host passes
        }
    }

    @RuleInfo(id = "never-applies", title = "Never applies", severity = Severity.ERROR, area = Area.ROOTSTORE,
            citation = "test", remediation = "none", description = "Applies to no host.")
    static final class NeverApplies extends HostRule {
        @Override
        protected boolean appliesTo(AuditContext context) {
            return false;
        }

        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "never reached", Map.of());
        }
    }

    @RuleInfo(id = "reports-twice", title = "Reports twice", severity = Severity.WARNING, area = Area.ROOTSTORE,
            citation = "test", remediation = "none", description = "Reports the same finding twice.")
    static final class ReportsTwice extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(StoreName.ROOT, "the same thing", Map.of("evidence", "same"));
            findings.addHost(StoreName.ROOT, "the same thing", Map.of("evidence", "same"));
        }
    }
}
