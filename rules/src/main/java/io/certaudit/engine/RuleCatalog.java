package io.certaudit.engine;

import java.util.ArrayList;
import java.util.Arrays;
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
            if (info.title().isBlank() || info.title().endsWith(".") || info.remediation().length == 0
                    || Arrays.stream(info.remediation()).anyMatch(String::isBlank)
                    || info.citation().isBlank() || info.description().isBlank()) {
                throw new IllegalArgumentException("rule " + id
                        + " needs a title without a final period, a citation, a description and remediation steps");
            }
            for (String alias : info.aliases()) {
                if (!ID.matcher(alias).matches() || !ids.add(alias)) {
                    throw new IllegalArgumentException("alias " + alias + " of rule " + id
                            + " is not kebab-case or names another rule or alias");
                }
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

    /** The rule whose id is {@code id}; an alias does not match (see {@link #resolve(String)}). */
    public Optional<RuleInfo> find(String id) {
        return infos().stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /**
     * The rule a name selects: the rule with that id, or the rule that had it as its id before it was renamed.
     * Settings files and options go through this, so a renamed rule keeps old configs working.
     */
    public Optional<RuleName> resolve(String name) {
        for (RuleInfo info : infos()) {
            if (info.id().equals(name)) {
                return Optional.of(new RuleName(name, info, false));
            }
            if (Arrays.asList(info.aliases()).contains(name)) {
                return Optional.of(new RuleName(name, info, true));
            }
        }
        return Optional.empty();
    }

    /**
     * A rule as someone named it.
     *
     * @param given the name given
     * @param rule  the rule it selects
     * @param alias whether {@code given} is a former id of the rule rather than its id
     */
    public record RuleName(String given, RuleInfo rule, boolean alias) {

        /** The rule's id. */
        public String id() {
            return rule.id();
        }

        /** A note for the user when the name is an alias, else empty. */
        public Optional<String> note() {
            return alias ? Optional.of("rule '" + given + "' is now called '" + rule.id() + "'; the old id is "
                    + "an alias, rename it") : Optional.empty();
        }
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
