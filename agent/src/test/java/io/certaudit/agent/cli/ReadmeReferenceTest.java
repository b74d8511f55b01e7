package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.RuleInfo;
import picocli.CommandLine;

/**
 * The README's rule table and command-line summary are prose for people, not copies: what they name must exist
 * in the catalogue and the command model (the sources of docs/rules.md and docs/cli.md), and nothing there may be
 * missing from them.
 */
class ReadmeReferenceTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9*-]+)` \\| ([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern OPTION = Pattern.compile("`(--[a-z-]+)");

    private static String section(String heading) throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "README has no section '## " + heading + "'");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void theRuleTableListsEveryRuleWithItsDefaultSeverityAndNoOther() throws Exception {
        List<RuleInfo> rules = BuiltInRules.catalog().infos();
        Matcher row = TABLE_ROW.matcher(section("Rule catalogue"));
        Set<String> listed = new TreeSet<>();
        List<String> wildcards = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (row.find()) {
            String id = row.group(1);
            if (id.endsWith("*")) {
                wildcards.add(id.substring(0, id.length() - 1));
                continue;
            }
            listed.add(id);
            RuleInfo info = rules.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
            if (info == null) {
                problems.add(id + " is in the README but not in the catalogue");
            } else if (!row.group(2).trim().startsWith(info.severity().label())) {
                problems.add(id + ": the README says '" + row.group(2).trim() + "', its default severity is "
                        + info.severity().label());
            }
        }
        for (RuleInfo info : rules) {
            if (!listed.contains(info.id()) && wildcards.stream().noneMatch(info.id()::startsWith)) {
                problems.add(info.id() + " is missing from the README's rule table");
            }
        }
        assertEquals(List.of(), problems, "README \"Rule catalogue\" against the rules' metadata (docs/rules.md)");
    }

    @Test
    void theCommandSummaryNamesEveryCommandAndEveryAuditOptionThatExists() throws Exception {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.<String, String>of()::get);
        String summary = section("Command-line reference");
        List<String> problems = new ArrayList<>();
        for (String command : root.getSubcommands().keySet()) {
            if (!command.equals("help") && !summary.contains("`certaudit " + command)) {
                problems.add("command '" + command + "' is missing from the README's command table");
            }
        }
        Matcher named = Pattern.compile("`certaudit ([a-z]+)").matcher(summary);
        while (named.find()) {
            if (!root.getSubcommands().containsKey(named.group(1))) {
                problems.add("the README names a command 'certaudit " + named.group(1) + "' that does not exist");
            }
        }
        CommandLine audit = root.getSubcommands().get("audit");
        Set<String> options = new TreeSet<>();
        audit.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
        String auditOptions = summary.substring(summary.indexOf("`audit` options:"));
        Matcher option = OPTION.matcher(auditOptions);
        Set<String> mentioned = new TreeSet<>();
        while (option.find()) {
            mentioned.add(option.group(1));
            if (!options.contains(option.group(1))) {
                problems.add("the README's audit options name " + option.group(1) + ", which audit does not have");
            }
        }
        audit.getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .filter(o -> List.of(o.names()).stream().noneMatch(mentioned::contains))
                .forEach(o -> problems.add("audit option " + o.longestName() + " is missing from the README"));
        assertEquals(List.of(), problems, "README \"Command-line reference\" against the commands (docs/cli.md)");
    }
}
