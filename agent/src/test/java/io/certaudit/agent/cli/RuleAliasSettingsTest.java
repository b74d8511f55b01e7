package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Findings;
import io.certaudit.engine.HostRule;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;

/** A settings file written before a rule was renamed keeps working, and the run says the old id is an alias. */
class RuleAliasSettingsTest {

    private static final RuleCatalog CATALOG = new RuleCatalog(List.of(new RenamedRule()));

    private static ConfigFile rules(Map<String, String> rules) {
        return new ConfigFile(null, List.of(), null, null, rules, List.of(), null, null, null, null, null, null, null, null);
    }

    @Test
    void aFormerIdTurnsTheRenamedRuleOffAndLeavesANote() throws Exception {
        AuditSettingsOptions options = new AuditSettingsOptions();
        AuditSettings settings = options.settings(CATALOG, rules(Map.of("old-name", "off")));

        assertEquals(Set.of("renamed-rule"), settings.disabledRules());
        assertEquals(1, options.notes().size(), options.notes()::toString);
        assertTrue(options.notes().get(0).contains("rule 'old-name' is now called 'renamed-rule'"),
                options.notes().get(0));
    }

    @Test
    void aFormerIdOverridesTheRenamedRulesSeverity() throws Exception {
        AuditSettingsOptions options = new AuditSettingsOptions();
        AuditSettings settings = options.settings(CATALOG, rules(Map.of("old-name", "info")));

        assertEquals(Map.of("renamed-rule", Severity.INFO), settings.severityOverrides());
    }

    @Test
    void theCurrentIdLeavesNoNote() throws Exception {
        AuditSettingsOptions options = new AuditSettingsOptions();
        options.settings(CATALOG, rules(Map.of("renamed-rule", "warning")));

        assertTrue(options.notes().isEmpty(), options.notes()::toString);
    }

    @Test
    void theSameRuleUnderBothNamesIsAMistake() {
        Map<String, String> both = new LinkedHashMap<>();
        both.put("renamed-rule", "info");
        both.put("old-name", "off");
        UsageException e = assertThrows(UsageException.class,
                () -> new AuditSettingsOptions().settings(CATALOG, rules(both)));
        assertTrue(e.getMessage().contains("'renamed-rule' is set twice"), e.getMessage());
    }

    @RuleInfo(id = "renamed-rule", title = "Renamed", severity = Severity.WARNING, area = Area.KEYS,
            citation = "test", basis = "test", remediation = "None.", description = "Had another id.",
            aliases = "old-name")
    static final class RenamedRule extends HostRule {
        @Override
        protected void check(AuditContext context, Findings findings) {
        }
    }
}
