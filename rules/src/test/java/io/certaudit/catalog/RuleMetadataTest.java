package io.certaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;

/** What every built-in rule's metadata must say, beyond what the catalogue itself checks. */
class RuleMetadataTest {

    @Test
    void everyRuleNamesTheRequirementsItEnforcesOrWhatItRestsOnInstead() {
        for (RuleInfo info : BuiltInRules.catalog().infos()) {
            boolean requirements = info.requirements().length > 0;
            boolean basis = !info.basis().isBlank();
            assertTrue(requirements != basis, info.id() + " must name its requirements or, when it enforces none, "
                    + "its basis (a documented Windows behaviour, an RFC, a field report) -- not both or neither");
        }
    }

    @Test
    void everyRequirementIsEnforcedByARuleOrSaysWhyNot() {
        Set<Requirement> covered = EnumSet.noneOf(Requirement.class);
        BuiltInRules.catalog().infos().forEach(info -> covered.addAll(Arrays.asList(info.requirements())));
        for (Requirement requirement : Requirement.values()) {
            boolean isCovered = covered.contains(requirement);
            assertTrue(isCovered != !requirement.notCovered().isBlank(), requirement + (isCovered
                    ? " is enforced by a rule but still says it is not covered"
                    : " is enforced by no rule and does not say why (Requirement.notCovered)"));
        }
    }

    @Test
    void everyRequirementQuotesItsDocumentAndNamesIt() {
        for (Requirement requirement : Requirement.values()) {
            assertFalse(requirement.quote().isBlank(), requirement.name());
            assertFalse(requirement.summary().isBlank(), requirement.name());
            assertFalse(requirement.document().title().isBlank(), requirement.name());
            String link = requirement.document().link();
            assertTrue(link.isEmpty() || link.startsWith("https://"), requirement + ": " + link);
        }
    }

    @Test
    void everyRemediationStepIsASentence() {
        for (RuleInfo info : BuiltInRules.catalog().infos()) {
            for (String step : info.remediation()) {
                assertTrue(Character.isUpperCase(step.charAt(0)) && (step.endsWith(".") || step.endsWith(":")),
                        info.id() + ": a step starts with a capital and ends with a period: " + step);
            }
        }
    }

    @Test
    void evidenceKeysAreDeclaredOnceEach() {
        for (RuleInfo info : BuiltInRules.catalog().infos()) {
            assertEquals(info.evidence().length, Set.of(info.evidence()).size(), info.id());
        }
    }
}
