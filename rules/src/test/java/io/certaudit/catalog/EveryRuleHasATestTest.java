package io.certaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Rule;
import io.certaudit.testing.TestsRules;

/** Adding a rule means adding its test: every built-in rule has {@code RuleNameTest} or a {@link TestsRules}. */
class EveryRuleHasATestTest {

    @Test
    void everyBuiltInRuleHasATestClass() throws Exception {
        Set<Class<?>> tested = testedByAnnotation();
        List<String> untested = new ArrayList<>();
        for (Rule rule : BuiltInRules.catalog().rules()) {
            Class<?> type = rule.getClass();
            if (!tested.contains(type) && !exists(type.getName() + "Test")) {
                untested.add(type.getName());
            }
        }
        assertTrue(untested.isEmpty(), "rules without a test class (add RuleNameTest beside the rule's package, "
                + "or @TestsRules on the test that covers it): " + untested);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, EveryRuleHasATestTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The rules named by {@link TestsRules} on the compiled test classes of the catalogue's packages. */
    private static Set<Class<?>> testedByAnnotation() throws IOException, URISyntaxException {
        Path classes = Path.of(EveryRuleHasATestTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> tested = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/certaudit/catalog"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                try {
                    TestsRules marker = Class.forName(name, false, EveryRuleHasATestTest.class.getClassLoader())
                            .getAnnotation(TestsRules.class);
                    if (marker != null) {
                        tested.addAll(List.of(marker.value()));
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return tested;
    }
}
