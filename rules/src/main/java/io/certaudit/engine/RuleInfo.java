package io.certaudit.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, declared on its class beside the code. The catalogue, {@code certaudit rules} and
 * {@code docs/rules.md} are all generated from it. The class name is the id in PascalCase.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable kebab-case id, never reused; severity is not part of it. */
    String id();

    /** One line, no final period. */
    String title();

    /** The severity its findings get unless the rule says otherwise for a finding or a config overrides it. */
    Severity severity();

    Area area();

    /** The requirement's source: a document, a KB article, a field report. */
    String citation();

    /**
     * The documented requirements the rule enforces. A rule that enforces none says in {@link #basis()} what it
     * rests on instead; {@code docs/rules.md} lists the rules of each requirement.
     */
    Requirement[] requirements() default {};

    /**
     * What the rule rests on when it enforces none of the {@link Requirement}s: a documented Windows behaviour, an
     * RFC, a field report. Empty when {@link #requirements()} is not.
     */
    String basis() default "";

    /**
     * What to do about a finding: the steps a Windows administrator follows, in order, each a sentence. A single
     * string is a single step. {@code THUMBPRINT} stands for the certificate concerned.
     */
    String[] remediation();

    /**
     * Every evidence key the rule's findings may carry (besides {@code peer} on a peer finding and
     * {@code ruleFailure} on a rule that could not be evaluated, which the engine adds). A contract for
     * consumers of the JSON and NDJSON reports: a test fails when a rule emits a key not declared here.
     */
    String[] evidence() default {};

    /**
     * Ids the rule had before it was renamed: a settings file or option that names one still selects this rule,
     * and the run notes that the name is an alias. Never reused for another rule.
     */
    String[] aliases() default {};

    /** What the rule checks and when it applies, a few sentences. */
    String description();
}
