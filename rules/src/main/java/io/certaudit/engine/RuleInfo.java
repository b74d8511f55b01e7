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

    /** What to do about a finding, in steps a Windows administrator can follow. */
    String remediation();

    /** What the rule checks and when it applies, a few sentences. */
    String description();
}
