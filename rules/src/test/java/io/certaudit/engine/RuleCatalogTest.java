package io.certaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void acceptsWellFormedRulesAndKeepsTheirOrder() {
        RuleCatalog catalog = new RuleCatalog(List.of(new GoodRule(), new OtherGoodRule()));

        assertEquals(List.of("good-rule", "other-good-rule"), catalog.infos().stream().map(RuleInfo::id).toList());
        assertEquals("other-good-rule", catalog.find("other-good-rule").orElseThrow().id());
        assertTrue(catalog.find("missing-rule").isEmpty());
    }

    @Test
    void rejectsAnIdThatIsNotKebabCase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new Bad_Id())));
        assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
    }

    @Test
    void rejectsADuplicateId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new GoodRule(), new GoodRule())));
        assertTrue(e.getMessage().contains("duplicate rule id: good-rule"), e.getMessage());
    }

    @Test
    void rejectsAClassNotNamedAfterItsId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new Misnamed())));
        assertTrue(e.getMessage().contains("SomethingElse"), e.getMessage());
        assertTrue(e.getMessage().contains("Misnamed"), e.getMessage());
    }

    @Test
    void rejectsATitleEndingWithAPeriod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new TitleWithPeriod())));
        assertTrue(e.getMessage().contains("title-with-period"), e.getMessage());
    }

    @Test
    void rejectsABlankRemediation() {
        assertThrows(IllegalArgumentException.class, () -> new RuleCatalog(List.of(new NoRemediation())));
    }

    @Test
    void rejectsARuleWithoutMetadata() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RuleCatalog(List.of(new NoMetadata())));
        assertTrue(e.getMessage().contains("@RuleInfo"), e.getMessage());
    }

    @Test
    void aFormerIdResolvesToTheRenamedRuleAndSaysItIsAnAlias() {
        RuleCatalog catalog = new RuleCatalog(List.of(new GoodRule(), new RenamedRule()));

        RuleCatalog.RuleName byAlias = catalog.resolve("old-name").orElseThrow();
        assertEquals("renamed-rule", byAlias.id());
        assertTrue(byAlias.alias());
        assertTrue(byAlias.note().orElseThrow().contains("'old-name' is now called 'renamed-rule'"),
                byAlias.note().toString());
        RuleCatalog.RuleName byId = catalog.resolve("renamed-rule").orElseThrow();
        assertEquals("renamed-rule", byId.id());
        assertTrue(byId.note().isEmpty());
        // find() is by id only: an alias never passes for an id in the report.
        assertTrue(catalog.find("old-name").isEmpty());
        assertTrue(catalog.resolve("never-was").isEmpty());
    }

    @Test
    void rejectsAnAliasThatIsAnotherRulesId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new GoodRule(), new AliasOfGoodRule())));
        assertTrue(e.getMessage().contains("good-rule"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RuleCatalog(List.of(new AliasOfGoodRule(), new GoodRule())));
    }

    @Test
    void rejectsABlankRemediationStep() {
        assertThrows(IllegalArgumentException.class, () -> new RuleCatalog(List.of(new BlankStep())));
    }

    @Test
    void classNamesArePascalCaseIds() {
        assertEquals("PrivateKeyMissing", RuleCatalog.className("private-key-missing"));
        assertEquals("Rule", RuleCatalog.className("rule"));
    }

    /** A host rule that finds nothing; the metadata is what these tests are about. */
    abstract static class Quiet extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
            findings.addHost(null, "unused", Map.of());
        }
    }

    @RuleInfo(id = "good-rule", title = "Good", severity = Severity.WARNING, area = Area.KEYS, citation = "test",
            remediation = "none", description = "Well formed.")
    static final class GoodRule extends Quiet {
    }

    @RuleInfo(id = "other-good-rule", title = "Other", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = "none", description = "Well formed.")
    static final class OtherGoodRule extends Quiet {
    }

    @RuleInfo(id = "Bad_Id", title = "Bad", severity = Severity.WARNING, area = Area.KEYS, citation = "test",
            remediation = "none", description = "Bad id.")
    static final class Bad_Id extends Quiet {
    }

    @RuleInfo(id = "something-else", title = "Misnamed", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = "none", description = "Class not named after its id.")
    static final class Misnamed extends Quiet {
    }

    @RuleInfo(id = "title-with-period", title = "Ends with a period.", severity = Severity.WARNING,
            area = Area.KEYS, citation = "test", remediation = "none", description = "Bad title.")
    static final class TitleWithPeriod extends Quiet {
    }

    @RuleInfo(id = "no-remediation", title = "No remediation", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = " ", description = "Blank remediation.")
    static final class NoRemediation extends Quiet {
    }

    @RuleInfo(id = "renamed-rule", title = "Renamed", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = "none", description = "Had another id.", aliases = "old-name")
    static final class RenamedRule extends Quiet {
    }

    @RuleInfo(id = "alias-of-good-rule", title = "Alias", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = "none", description = "Claims another rule's id.",
            aliases = "good-rule")
    static final class AliasOfGoodRule extends Quiet {
    }

    @RuleInfo(id = "blank-step", title = "Blank step", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", remediation = {"Do this.", ""}, description = "A blank second step.")
    static final class BlankStep extends Quiet {
    }

    static final class NoMetadata extends Quiet {
    }
}
