package io.certaudit.agent.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every test that runs a program from outside the JDK (openssl, Wine, the mingw-w64 and gcc compilers, Chromium,
 * promtool) carries the JUnit tag {@code external-tool}, on its method or its class, so that
 * {@code -DexcludedGroups=external-tool} leaves a build that needs only a JDK and Maven. The tests find those
 * programs through the helpers below; a call to one from an untagged test is a test that was not tagged.
 */
class ExternalToolTagTest {

    static final String TAG = "external-tool";

    /** The test helpers that run, or look for, an external program. */
    private static final Set<String> TOOL_HELPERS = Set.of(
            "io.certaudit.agent.windows.NativeTools",
            "io.certaudit.agent.report.Promtool",
            "io.certaudit.agent.report.html.Chromium",
            "io.certaudit.agent.probe.OpensslServer");

    private static List<String> untagged(JavaClasses classes) {
        Set<String> untagged = new TreeSet<>();
        for (JavaClass test : classes) {
            if (TOOL_HELPERS.contains(outermost(test).getName())) {
                continue;
            }
            for (JavaCodeUnit unit : test.getCodeUnits()) {
                boolean callsATool = unit.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> TOOL_HELPERS.contains(call.getTargetOwner().getName()))
                        || unit.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> TOOL_HELPERS.contains(call.getTargetOwner().getName()));
                if (callsATool && !covered(unit, 0)) {
                    untagged.add(test.getName() + "." + unit.getName());
                }
            }
        }
        return List.copyOf(untagged);
    }

    /**
     * Whether the code unit runs only under the tag: it, or its class, is tagged; or it is a helper (no JUnit
     * annotation: not a test or a lifecycle method) whose every caller is covered.
     */
    private static boolean covered(JavaCodeUnit unit, int depth) {
        if (tagged(unit) || tagged(unit.getOwner())) {
            return true;
        }
        boolean junit = unit.getAnnotations().stream()
                .anyMatch(annotation -> annotation.getRawType().getPackageName().startsWith("org.junit"));
        var callers = unit.getCallsOfSelf();
        return !junit && depth < 5 && !callers.isEmpty()
                && callers.stream().allMatch(call -> covered(call.getOrigin(), depth + 1));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean tagged(JavaMember member) {
        return member.tryGetAnnotationOfType(Tag.class).map(tag -> tag.value().equals(TAG)).orElse(false);
    }

    /** The class, a class it is nested in, or a superclass is tagged. */
    private static boolean tagged(JavaClass type) {
        for (JavaClass candidate = type; candidate != null;
                candidate = candidate.getRawSuperclass().orElse(null)) {
            for (JavaClass outer = candidate; outer != null; outer = outer.getEnclosingClass().orElse(null)) {
                if (outer.tryGetAnnotationOfType(Tag.class).map(tag -> tag.value().equals(TAG)).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyTestThatRunsAnExternalToolIsTagged() {
        // This class's own examples break the rule on purpose; the other test above shows they are caught.
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/ExternalToolTagTest$"))
                .importPackages("io.certaudit.agent");
        assertEquals(List.of(), untagged(tests), "tag these @Tag(\"" + TAG + "\")");
    }

    @Test
    void anUntaggedCallIsFound() {
        assertFalse(untagged(new ClassFileImporter().importClasses(RunsPromtoolUntagged.class)).isEmpty());
        assertEquals(List.of(), untagged(new ClassFileImporter().importClasses(RunsPromtoolTagged.class)));
    }

    /** Runs promtool without the tag. */
    static final class RunsPromtoolUntagged {
        void check() {
            io.certaudit.agent.report.Promtool.assertValid("");
        }
    }

    /** Runs promtool with the tag. */
    static final class RunsPromtoolTagged {
        @Tag(TAG)
        void check() {
            io.certaudit.agent.report.Promtool.assertValid("");
        }
    }
}
