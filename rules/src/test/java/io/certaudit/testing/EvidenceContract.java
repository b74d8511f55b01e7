package io.certaudit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Rule;

/**
 * The evidence keys a rule declares in its metadata are a contract for NDJSON and JSON consumers: a finding that
 * carries a key its rule did not declare fails the test that produced it. Every audit a test runs through
 * {@link HostFixture} or {@link RuleTester} is checked.
 */
public final class EvidenceContract {

    /** Keys the engine adds to any rule's finding: the peer of a peer finding, the failure of a rule that threw. */
    public static final Set<String> ENGINE_KEYS = Set.of("peer", "ruleFailure");

    private EvidenceContract() {
    }

    public static void check(List<? extends Rule> rules, List<Finding> findings) {
        for (Finding finding : findings) {
            Rule rule = rules.stream().filter(r -> r.info().id().equals(finding.rule())).findFirst().orElse(null);
            if (rule == null) {
                continue;
            }
            Set<String> undeclared = new TreeSet<>(finding.evidence().keySet());
            undeclared.removeAll(ENGINE_KEYS);
            undeclared.removeAll(Arrays.asList(rule.info().evidence()));
            if (!undeclared.isEmpty()) {
                fail("rule " + finding.rule() + " emitted evidence " + undeclared + " that its @RuleInfo(evidence) "
                        + "does not declare " + Arrays.toString(rule.info().evidence()) + ": " + finding);
            }
        }
    }
}
