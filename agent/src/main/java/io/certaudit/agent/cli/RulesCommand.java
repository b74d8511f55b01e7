package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.certaudit.agent.report.Json;
import io.certaudit.catalog.BuiltInRules;
import io.certaudit.catalog.CatalogDocument;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certaudit rules}: the catalogue, generated from each rule's metadata. */
@Command(name = "rules",
        header = "List the rules the audit checks, with severity, source and remediation.",
        mixinStandardHelpOptions = true)
public final class RulesCommand implements Callable<Integer> {

    /** The catalogue's output formats. */
    enum Format { text, json, markdown }

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or markdown (the source of docs/rules.md).")
    private Format format;

    @Override
    public Integer call() throws Exception {
        RuleCatalog catalog = BuiltInRules.catalog();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> {
                List<Map<String, Object>> rules = new ArrayList<>();
                for (RuleInfo info : catalog.infos()) {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("id", info.id());
                    rule.put("title", info.title());
                    rule.put("severity", info.severity().label());
                    rule.put("area", info.area().label());
                    rule.put("citation", info.citation());
                    rule.put("description", info.description());
                    rule.put("remediation", String.join(" ", info.remediation()));
                    rule.put("remediationSteps", List.of(info.remediation()));
                    rule.put("requirements", Arrays.stream(info.requirements()).map(Requirement::label).toList());
                    if (!info.basis().isEmpty()) {
                        rule.put("basis", info.basis());
                    }
                    rule.put("evidence", List.of(info.evidence()));
                    rule.put("aliases", List.of(info.aliases()));
                    rules.add(rule);
                }
                out.println(Json.MAPPER.writeValueAsString(rules));
            }
            case markdown -> out.print(CatalogDocument.markdown(catalog));
            case text -> {
                for (RuleInfo info : catalog.infos()) {
                    out.printf("%-34s %-8s %s%n", info.id(), info.severity().label(), info.title());
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
