package io.certaudit.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers that hold today, as tests over the compiled classes of both modules: native code is reached only
 * through the Windows bindings and the event-log binding, the command line only in {@code cli}, and the model
 * knows nothing of the engine or the rules that judge it. Each rule is also shown to catch a class that breaks it.
 */
class LayersTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.certaudit");
    }

    static final ArchRule JNA_ONLY_IN_BINDINGS = noClasses().that()
            .resideOutsideOfPackages("io.certaudit.agent.windows..", "io.certaudit.agent.eventlog..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("Windows is reached through one interface with a fake, so everything else runs on any OS");

    static final ArchRule PICOCLI_ONLY_IN_CLI = noClasses().that().resideOutsideOfPackage("io.certaudit.agent.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("sources, rules and reports do not know how they were asked for");

    static final ArchRule MODEL_KNOWS_NO_JUDGE = noClasses().that().resideInAPackage("io.certaudit.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.certaudit.engine..", "io.certaudit.catalog..",
                    "io.certaudit.agent..")
            .because("sources observe and rules judge: the facts between them depend on neither");

    @Test
    void jnaIsUsedOnlyByTheWindowsAndEventLogBindings() {
        JNA_ONLY_IN_BINDINGS.check(production);
        assertTrue(JNA_ONLY_IN_BINDINGS.evaluate(violators()).hasViolation());
    }

    @Test
    void picocliIsUsedOnlyByTheCommandLine() {
        PICOCLI_ONLY_IN_CLI.check(production);
        assertTrue(PICOCLI_ONLY_IN_CLI.evaluate(violators()).hasViolation());
    }

    @Test
    void theModelDependsOnNeitherTheEngineNorTheRules() {
        MODEL_KNOWS_NO_JUDGE.check(production);
        assertTrue(MODEL_KNOWS_NO_JUDGE.evaluate(new ClassFileImporter()
                .importClasses(io.certaudit.model.LayerBreakingFact.class)).hasViolation());
    }

    /** Classes that break the first two rules on purpose. */
    private static JavaClasses violators() {
        return new ClassFileImporter().importClasses(BreaksTheLayers.class);
    }

    /** Outside the bindings and outside cli: it may use neither JNA nor picocli, and does. */
    static final class BreaksTheLayers {
        Object nativeCode = com.sun.jna.Pointer.class;
        Object commandLine = picocli.CommandLine.class;
    }
}
