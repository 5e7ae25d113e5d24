package io.rebatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md over the whole build's main classes (the app sees every module): who may depend
 * on whom, that only the executable uses the simulators, and that one platform's code never reaches into another's.
 * Maven's module graph already forbids some of these; ArchUnit also catches a dependency added by accident to a
 * pom. Each rule is also shown to fail on classes that break it.
 */
class ModuleRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // another module's test fixtures
            .importPackages("io.rebatch");

    static final ArchRule DOMAIN_DEPENDS_ON_NO_MODULE = noClasses().that().resideInAPackage("io.rebatch.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.readers..", "io.rebatch.writers..",
                    "io.rebatch.jobs..", "io.rebatch.api..", "io.rebatch.scheduler..", "io.rebatch.app..",
                    "io.rebatch.sandbox..");

    static final ArchRule READERS_AND_WRITERS_ARE_BELOW_JOBS = noClasses()
            .that().resideInAnyPackage("io.rebatch.readers..", "io.rebatch.writers..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.jobs..", "io.rebatch.api..",
                    "io.rebatch.scheduler..", "io.rebatch.app..");

    static final ArchRule JOBS_KNOW_NO_ENTRY_POINT = noClasses().that().resideInAPackage("io.rebatch.jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.api..", "io.rebatch.scheduler..",
                    "io.rebatch.app..");

    static final ArchRule API_AND_SCHEDULER_ARE_SEPARATE = noClasses().that().resideInAPackage("io.rebatch.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.scheduler..", "io.rebatch.app..")
            .andShould().dependOnClassesThat().resideInAnyPackage("io.rebatch.sandbox..");

    static final ArchRule SCHEDULER_KNOWS_NO_API = noClasses().that().resideInAPackage("io.rebatch.scheduler..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.api..", "io.rebatch.app..");

    static final ArchRule ONLY_THE_APP_USES_THE_SIMULATORS = noClasses()
            .that().resideOutsideOfPackages("io.rebatch.app..", "io.rebatch.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("io.rebatch.sandbox..")
            .because("the simulators are for the demo, the tests and the benchmark, never for production code");

    /** A platform's packages in every module ({@code io.rebatch.<module>.<platform>..}) form one slice. */
    private static final SliceAssignment PLATFORM_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String platform = platformOf(c);
            return platform == null ? SliceIdentifier.ignore() : SliceIdentifier.of(platform);
        }

        @Override
        public String getDescription() {
            return "the platform packages io.rebatch.<module>.<platform>..";
        }
    };

    static final ArchRule PLATFORMS_ARE_INDEPENDENT = slices().assignedFrom(PLATFORM_PACKAGES)
            .should().notDependOnEachOther();

    static final ArchRule THE_CORE_NAMES_NO_PLATFORM = noClasses()
            .that(new DescribedPredicate<JavaClass>("are outside the platform packages and the app") {
                @Override
                public boolean test(JavaClass c) {
                    return platformOf(c) == null && !c.getPackageName().startsWith("io.rebatch.app");
                }
            })
            .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are in a platform package") {
                @Override
                public boolean test(JavaClass c) {
                    return platformOf(c) != null;
                }
            })
            .because("core code iterates over the registered platforms (PlatformRules, PlatformAdapter, "
                    + "PlatformSimulator) and never names one");

    /** {@code taobao} for {@code io.rebatch.readers.taobao.X}: the shipped platforms' packages. */
    static String platformOf(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        if (parts.length >= 4 && parts[0].equals("io") && parts[1].equals("rebatch")
                && List.of("taobao", "jd", "pdd").contains(parts[3])) {
            return parts[3];
        }
        return null;
    }

    @Test
    void theBuildKeepsItsModuleRules() {
        assertThat(MAIN.size()).as("main classes imported").isGreaterThan(200);
        for (ArchRule rule : new ArchRule[] {DOMAIN_DEPENDS_ON_NO_MODULE, READERS_AND_WRITERS_ARE_BELOW_JOBS,
                JOBS_KNOW_NO_ENTRY_POINT, API_AND_SCHEDULER_ARE_SEPARATE, SCHEDULER_KNOWS_NO_API,
                ONLY_THE_APP_USES_THE_SIMULATORS, PLATFORMS_ARE_INDEPENDENT, THE_CORE_NAMES_NO_PLATFORM}) {
            rule.check(MAIN);
        }
    }

    @Test
    void theRulesCanFail() {
        // The app is allowed to use the simulators; the same rule without that exception must find it doing so.
        ArchRule strict = noClasses().that().resideOutsideOfPackage("io.rebatch.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("io.rebatch.sandbox..");
        assertThat(strict.evaluate(MAIN).hasViolation()).isTrue();
        // jobs depend on readers and writers: the reverse of the layering rule must fail.
        ArchRule reversed = noClasses().that().resideInAPackage("io.rebatch.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rebatch.readers..", "io.rebatch.writers..");
        assertThat(reversed.evaluate(MAIN).hasViolation()).isTrue();
    }
}
