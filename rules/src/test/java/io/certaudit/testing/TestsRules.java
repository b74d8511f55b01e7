package io.certaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.certaudit.engine.Rule;

/**
 * Marks a test class that tests rules other than the one it is named after, such as one class for three rules that
 * share their logic. The check that every rule has a test class accepts {@code RuleNameTest} or a class carrying
 * this annotation with the rule in it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TestsRules {

    Class<? extends Rule>[] value();
}
