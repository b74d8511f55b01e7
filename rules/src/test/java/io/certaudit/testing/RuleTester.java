package io.certaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.Rule;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleEngine;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.StoreName;

/**
 * Runs one rule, alone, over a host built in the test, and asserts on what it found and how it went: the rule
 * under test is the only rule in the catalogue, so a finding of another rule can neither hide nor stand in for
 * its own. Every finding's evidence keys are checked against the rule's declared {@code evidence}.
 *
 * <pre>{@code
 * RuleTester.of(new ChainIncomplete())
 *         .on(new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf))
 *         .run()
 *         .assertFailed()
 *         .onlyFinding().about(leaf).severity(Severity.ERROR).store(StoreName.MY)
 *         .messageContains("stops at").evidence("missingIssuer", "CN=Example Issuing CA");
 * }</pre>
 */
public final class RuleTester {

    private final Rule rule;
    private HostFixture host = new HostFixture();

    private RuleTester(Rule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public static RuleTester of(Rule rule) {
        return new RuleTester(rule);
    }

    /** The host to audit, with its settings and instant. */
    public RuleTester on(HostFixture fixture) {
        this.host = fixture;
        return this;
    }

    /** Changes the settings of the host given with {@link #on}. */
    public RuleTester settings(UnaryOperator<io.certaudit.engine.AuditSettings> change) {
        host.settings(change);
        return this;
    }

    /** Runs the rule alone. */
    public Run run() {
        AuditResult result = new RuleEngine(new RuleCatalog(List.of(rule)))
                .run(host.snapshot(), host.currentSettings(), host.instant());
        EvidenceContract.check(List.of(rule), result.findings());
        return new Run(rule.info().id(), result);
    }

    /** What one run of the rule found and how it went. */
    public static final class Run {

        private final String id;
        private final AuditResult result;

        Run(String id, AuditResult result) {
            this.id = id;
            this.result = result;
        }

        public List<Finding> findings() {
            return result.findings();
        }

        public RuleOutcome outcome() {
            return result.outcomes().get(0);
        }

        /** The rule found nothing and applied to something. */
        public Run assertPassed() {
            return assertOutcome(RuleOutcome.Result.PASSED);
        }

        /** The rule reported at least one finding. */
        public Run assertFailed() {
            return assertOutcome(RuleOutcome.Result.FAILED);
        }

        /**
         * The rule applied to nothing on this host. {@code because} says why the test expects that; the engine
         * records no reason, so it is the assertion's message.
         */
        public Run assertNotApplicable(String because) {
            assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome().result(),
                    () -> id + " should not apply (" + because + "), but " + describe());
            return this;
        }

        public Run assertOutcome(RuleOutcome.Result expected) {
            assertEquals(expected, outcome().result(), () -> id + ": " + describe());
            return this;
        }

        /** How many targets the rule applied to. */
        public Run assertChecked(int targets) {
            assertEquals(targets, outcome().checked(), () -> id + ": " + describe());
            return this;
        }

        public Run assertNoFindings() {
            assertTrue(findings().isEmpty(), () -> id + " should find nothing: " + describe());
            return this;
        }

        public Run assertFindingCount(int count) {
            assertEquals(count, findings().size(), () -> id + ": " + describe());
            return this;
        }

        /** The one finding there must be. */
        public FindingAssert onlyFinding() {
            assertFindingCount(1);
            return new FindingAssert(findings().get(0));
        }

        /** The one finding about {@code certificate} (by thumbprint) there must be. */
        public FindingAssert findingAbout(TestPki.Issued certificate) {
            return single("about " + certificate.holder().getSubject(),
                    f -> thumbprint(certificate).equals(f.thumbprint()));
        }

        /** The one finding whose message mentions {@code words}, such as the usage or store it is about. */
        public FindingAssert findingMentioning(String words) {
            return single("mentioning '" + words + "'", f -> f.message().contains(words));
        }

        /** The one host-wide finding (no certificate, no peer) there must be. */
        public FindingAssert hostFinding() {
            return single("host-wide", f -> f.thumbprint() == null && !f.evidence().containsKey("peer"));
        }

        /** The one host-wide finding (no certificate, no peer) about {@code store} there must be. */
        public FindingAssert hostFinding(StoreName store) {
            return single("host-wide in " + store, f -> f.thumbprint() == null && store == f.store()
                    && !f.evidence().containsKey("peer"));
        }

        /** The one finding about the TLS peer at {@code address} there must be. */
        public FindingAssert peerFinding(PeerAddress address) {
            return single("about peer " + address,
                    f -> address.toString().equals(f.evidence().get("peer")));
        }

        private FindingAssert single(String what, java.util.function.Predicate<Finding> which) {
            List<Finding> matching = findings().stream().filter(which).toList();
            if (matching.size() != 1) {
                fail(id + ": expected one finding " + what + ", got " + matching.size() + "; " + describe());
            }
            return new FindingAssert(matching.get(0));
        }

        private String describe() {
            return "outcome " + outcome().result().label() + " (checked " + outcome().checked() + "), findings "
                    + findings().stream().map(f -> "\n  " + f.severity().label() + " " + f.store() + " "
                    + f.thumbprint() + ": " + f.message() + " " + f.evidence()).collect(Collectors.joining());
        }
    }

    /** Fluent assertions on one finding. */
    public static final class FindingAssert {

        private final Finding finding;

        FindingAssert(Finding finding) {
            this.finding = finding;
        }

        public Finding finding() {
            return finding;
        }

        public FindingAssert severity(Severity expected) {
            assertEquals(expected, finding.severity(), () -> "severity of " + finding);
            return this;
        }

        public FindingAssert store(StoreName expected) {
            assertEquals(expected, finding.store(), () -> "store of " + finding);
            return this;
        }

        /** The finding names {@code certificate} by its thumbprint. */
        public FindingAssert about(TestPki.Issued certificate) {
            return thumbprint(RuleTester.thumbprint(certificate));
        }

        public FindingAssert thumbprint(String expected) {
            assertEquals(expected, finding.thumbprint(), () -> "thumbprint of " + finding);
            return this;
        }

        /** The finding concerns no certificate. */
        public FindingAssert noCertificate() {
            return thumbprint(null);
        }

        public FindingAssert messageContains(String... words) {
            for (String word : words) {
                assertTrue(finding.message().contains(word),
                        () -> "message should contain '" + word + "': " + finding.message());
            }
            return this;
        }

        public FindingAssert messageLacks(String... words) {
            for (String word : words) {
                assertTrue(!finding.message().contains(word),
                        () -> "message should not contain '" + word + "': " + finding.message());
            }
            return this;
        }

        /** The finding's remediation, its steps joined into one text, holds every one of {@code words}. */
        public FindingAssert remediationContains(String... words) {
            for (String word : words) {
                assertTrue(finding.remediation() != null && finding.remediation().contains(word),
                        () -> "remediation should contain '" + word + "': " + finding.remediation());
            }
            return this;
        }

        /** The finding's remediation opens with {@code words}: the first thing to do. */
        public FindingAssert remediationStartsWith(String words) {
            assertTrue(finding.remediation() != null && finding.remediation().startsWith(words),
                    () -> "remediation should start with '" + words + "': " + finding.remediation());
            return this;
        }

        public FindingAssert remediationLacks(String... words) {
            for (String word : words) {
                assertTrue(finding.remediation() == null || !finding.remediation().contains(word),
                        () -> "remediation should not contain '" + word + "': " + finding.remediation());
            }
            return this;
        }

        public FindingAssert evidence(String key, String value) {
            assertEquals(value, finding.evidence().get(key), () -> "evidence '" + key + "' of " + finding);
            return this;
        }

        public FindingAssert evidenceContains(String key, String... parts) {
            String value = finding.evidence().get(key);
            for (String part : parts) {
                assertTrue(value != null && value.contains(part),
                        () -> "evidence '" + key + "' should contain '" + part + "': " + value);
            }
            return this;
        }

        public FindingAssert noEvidence(String key) {
            assertTrue(!finding.evidence().containsKey(key), () -> "evidence should lack '" + key + "': " + finding);
            return this;
        }
    }

    /** The Windows thumbprint of a test certificate. */
    public static String thumbprint(TestPki.Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }
}
