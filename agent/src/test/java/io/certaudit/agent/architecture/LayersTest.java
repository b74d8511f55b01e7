package io.certaudit.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers, as tests over the compiled classes of both modules: no package needs a package that needs it back;
 * native code is reached only through the Windows bindings and the event-log binding; the command line only in
 * {@code cli}; sources and reports observe and show, the catalogue judges, so neither imports it; and the model
 * knows nothing of the engine or the rules that judge it. Each rule is also shown to catch a class that breaks it.
 */
class LayersTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // In a full build the rules module's test classes come as its tests jar, not a test-classes folder.
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.certaudit");
    }

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.certaudit.(**)").should().beFreeOfCycles()
            .because("a package that needs a package that needs it back can be neither understood nor tested alone");

    static final ArchRule JNA_ONLY_IN_BINDINGS = noClasses().that()
            .resideOutsideOfPackages("io.certaudit.agent.windows.jna..")
            .and().doNotHaveFullyQualifiedName("io.certaudit.agent.eventlog.JnaWindowsEventLog")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("Windows is reached through interfaces with fakes, so everything else runs on any OS");

    static final ArchRule PICOCLI_ONLY_IN_CLI = noClasses().that().resideOutsideOfPackage("io.certaudit.agent.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("sources, rules and reports do not know how they were asked for");

    static final ArchRule MODEL_KNOWS_NO_JUDGE = noClasses().that().resideInAPackage("io.certaudit.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.certaudit.engine..", "io.certaudit.catalog..",
                    "io.certaudit.agent..")
            .because("sources observe and rules judge: the facts between them depend on neither");

    /**
     * Sources (files, exports, the live stores, peers, DNS) record facts and reports show findings; which facts make
     * a finding is the catalogue's to decide, and a constant borrowed from a rule ties the two together.
     */
    static final ArchRule SOURCES_AND_REPORTS_KNOW_NO_RULE = noClasses().that()
            .resideInAnyPackage("io.certaudit.agent.source..", "io.certaudit.agent.windows..",
                    "io.certaudit.agent.probe..", "io.certaudit.agent.dns..", "io.certaudit.agent.report..",
                    "io.certaudit.agent.capture..", "io.certaudit.agent.revocation..")
            .should().dependOnClassesThat().resideInAPackage("io.certaudit.catalog..")
            .because("sources observe and reports show; the catalogue alone judges");

    @Test
    void noPackageDependsOnItself() {
        NO_PACKAGE_CYCLES.check(production);
        assertTrue(NO_PACKAGE_CYCLES.evaluate(new ClassFileImporter()
                .importPackages("io.certaudit.agent.architecture.cycle")).hasViolation());
    }

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

    @Test
    void sourcesAndReportsImportNoRule() {
        SOURCES_AND_REPORTS_KNOW_NO_RULE.check(production);
        assertTrue(SOURCES_AND_REPORTS_KNOW_NO_RULE.evaluate(new ClassFileImporter()
                .importClasses(io.certaudit.agent.report.ReportBorrowingARule.class)).hasViolation());
    }

    /** Classes that break the JNA and picocli rules on purpose. */
    private static JavaClasses violators() {
        return new ClassFileImporter().importClasses(BreaksTheLayers.class);
    }

    /** Outside the bindings and outside cli: it may use neither JNA nor picocli, and does. */
    static final class BreaksTheLayers {
        Object nativeCode = com.sun.jna.Pointer.class;
        Object commandLine = picocli.CommandLine.class;
    }
}
