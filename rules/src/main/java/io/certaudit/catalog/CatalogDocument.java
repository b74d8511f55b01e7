package io.certaudit.catalog;

import java.util.List;

import io.certaudit.engine.Area;
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
                md.append("- Remediation: ").append(escape(info.remediation())).append("\n");
            }
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
