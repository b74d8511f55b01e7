package io.certaudit.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.certaudit.engine.Area;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleCatalog;
import io.certaudit.engine.RuleInfo;

/** Renders the catalogue as Markdown: the content of {@code docs/rules.md}, generated, never edited by hand. */
public final class CatalogDocument {

    private CatalogDocument() {
    }

    public static String markdown(RuleCatalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from the rules' metadata by `certaudit rules --format markdown`. Do not edit. -->\n");
        md.append("# Rule catalogue\n\n");
        md.append("Each rule is one class named after its id, with this metadata beside its code. Severities are "
                + "defaults: a config file may change them (`rules: {id: warning}`) or turn a rule off "
                + "(`rules: {id: off}`).\n\n");
        md.append("| id | default severity | area | title |\n|---|---|---|---|\n");
        List<RuleInfo> infos = catalog.infos();
        for (RuleInfo info : infos) {
            md.append("| [`").append(info.id()).append("`](#").append(info.id()).append(") | ")
                    .append(info.severity().label()).append(" | ").append(info.area().label()).append(" | ")
                    .append(escape(info.title())).append(" |\n");
        }
        for (Area area : Area.values()) {
            List<RuleInfo> inArea = infos.stream().filter(i -> i.area() == area).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(area.label()).append("\n");
            for (RuleInfo info : inArea) {
                md.append("\n### ").append(info.id()).append("\n\n");
                md.append("**").append(escape(info.title())).append("** (default severity: ")
                        .append(info.severity().label()).append(")\n\n");
                md.append(escape(info.description())).append("\n\n");
                md.append("- Source: ").append(escape(info.citation())).append("\n");
                if (info.requirements().length > 0) {
                    md.append("- Requirements: ").append(Arrays.stream(info.requirements())
                            .map(r -> "[" + r.label() + "](#" + anchor(r) + ")")
                            .collect(Collectors.joining(", "))).append("\n");
                } else {
                    md.append("- Basis (no documented requirement): ").append(escape(info.basis())).append("\n");
                }
                md.append("- Evidence keys: ").append(info.evidence().length == 0 ? "none"
                        : Arrays.stream(info.evidence()).map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
                        .append("\n");
                if (info.aliases().length > 0) {
                    md.append("- Former ids, still accepted as aliases: ").append(Arrays.stream(info.aliases())
                            .map(a -> "`" + a + "`").collect(Collectors.joining(", "))).append("\n");
                }
                md.append("- Remediation:\n");
                String[] steps = info.remediation();
                for (int i = 0; i < steps.length; i++) {
                    md.append("  ").append(i + 1).append(". ").append(escape(steps[i])).append("\n");
                }
            }
        }
        requirements(md, infos);
        md.append("\n## Evidence keys\n\n")
                .append("Each rule above lists the evidence keys its findings may carry (`evidence` in the JSON "
                        + "report, one object per finding in NDJSON); a test fails when a rule emits one it has not "
                        + "declared, so consumers may rely on the lists. Two keys may appear on any rule's finding: "
                        + "`peer` (the TLS peer, on a peer rule's finding) and `ruleFailure` (the exception class, "
                        + "on the warning of a rule that could not be evaluated). Values are strings.\n");
        return md.toString();
    }

    /** Requirement by requirement: the document's words and the rules that enforce it. */
    private static void requirements(StringBuilder md, List<RuleInfo> infos) {
        md.append("\n## Requirements\n\n")
                .append("What the audit must check, from the documents it models, and which rules check it.\n");
        for (Requirement requirement : Requirement.values()) {
            md.append("\n### ").append(requirement.label()).append("\n\n");
            md.append("**").append(escape(requirement.summary())).append("**\n\n");
            md.append("> ").append(escape(requirement.quote())).append("\n\n");
            Requirement.Document document = requirement.document();
            md.append("- Document: ").append(document.link().isEmpty() ? escape(document.title())
                    : "[" + escape(document.title()) + "](" + document.link() + ")").append("\n");
            List<String> rules = infos.stream()
                    .filter(i -> Arrays.asList(i.requirements()).contains(requirement))
                    .map(i -> "[`" + i.id() + "`](#" + i.id() + ")").toList();
            md.append(rules.isEmpty() ? "- Not covered: " + escape(requirement.notCovered())
                    : "- Rules: " + String.join(", ", rules)).append("\n");
        }
    }

    /** The Markdown anchor of a requirement's heading. */
    private static String anchor(Requirement requirement) {
        return requirement.label().toLowerCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
