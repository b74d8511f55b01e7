package io.certaudit.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ordered set of rules whose metadata has been checked: every id is kebab-case, unique, and the rule's class is
 * named after it ({@code private-key-missing} is {@code PrivateKeyMissing}); title and remediation are present.
 */
public final class RuleCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<Rule> rules;

    public RuleCatalog(List<? extends Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            String id = info.id();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("rule id is not kebab-case: " + id);
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("duplicate rule id: " + id);
            }
            if (!rule.getClass().getSimpleName().equals(className(id))) {
                throw new IllegalArgumentException("rule " + id + " must be declared by a class named "
                        + className(id) + ", not " + rule.getClass().getSimpleName());
            }
            if (info.title().isBlank() || info.title().endsWith(".") || info.remediation().isBlank()
                    || info.citation().isBlank() || info.description().isBlank()) {
                throw new IllegalArgumentException("rule " + id
                        + " needs a title without a final period, a citation, a description and a remediation");
            }
        }
        this.rules = List.copyOf(rules);
    }

    /** The rules in catalogue order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The metadata of every rule, in catalogue order. */
    public List<RuleInfo> infos() {
        List<RuleInfo> infos = new ArrayList<>();
        rules.forEach(rule -> infos.add(rule.info()));
        return infos;
    }

    public Optional<RuleInfo> find(String id) {
        return infos().stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /** {@code private-key-missing} to {@code PrivateKeyMissing}. */
    public static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
