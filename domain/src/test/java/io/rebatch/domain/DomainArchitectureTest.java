package io.rebatch.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code domain/} plain Java (CONVENTIONS "Code"): no framework, JDBC or Jackson types, no
 * floating point anywhere near money, and no reading of the wall clock or the JVM's default zone.
 * Only the main classes are checked (the tests themselves may use anything); each rule is also run
 * against a deliberately bad class to show it can fail.
 */
class DomainArchitectureTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rebatch.domain");

    private static final Set<Class<?>> FLOATING = Set.of(double.class, float.class, Double.class, Float.class,
            double[].class, float[].class);

    static final ArchRule NO_FRAMEWORKS = noClasses().that().resideInAPackage("io.rebatch.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..",
                    "jakarta..", "org.slf4j..")
            .because("the domain is plain Java: rules are pure functions, the batch moves the data");

    static final ArchRule ONLY_JDK_AND_DOMAIN = classes().that().resideInAPackage("io.rebatch.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.rebatch.domain..", "")
            .because("domain/ may depend on nothing (ARCHITECTURE.md)");

    static final ArchRule NO_FLOATING_FIELDS = noFields().that().areDeclaredInClassesThat().resideInAPackage("io.rebatch.domain..")
            .should().haveRawType(double.class).orShould().haveRawType(float.class)
            .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
            .orShould().haveRawType(double[].class).orShould().haveRawType(float[].class)
            .because("money is a long count of fen and rates are int basis points");

    static final ArchRule NO_FLOATING_SIGNATURES = noMethods().that().areDeclaredInClassesThat().resideInAPackage("io.rebatch.domain..")
            .should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
            .orShould().haveRawReturnType(Double.class).orShould().haveRawReturnType(Float.class)
            .orShould().haveRawParameterTypes(new DescribedPredicate<List<JavaClass>>("any floating-point parameter") {
                @Override
                public boolean test(List<JavaClass> params) {
                    return params.stream().anyMatch(p -> FLOATING.stream().anyMatch(p::isEquivalentTo));
                }
            })
            .because("money is a long count of fen and rates are int basis points");

    static final ArchRule NO_FLOATING_CALLS = noClasses().that().resideInAPackage("io.rebatch.domain..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a method returning double or float") {
                @Override
                public boolean test(JavaMethodCall call) {
                    JavaClass returned = call.getTarget().getRawReturnType();
                    return FLOATING.stream().anyMatch(returned::isEquivalentTo);
                }
            })
            .because("e.g. BigDecimal.doubleValue() or Math.random() would put floating point near money");

    static final ArchRule NO_WALL_CLOCK_OR_DEFAULT_ZONE = noClasses().that().resideInAPackage("io.rebatch.domain..")
            .should().callMethod(ZoneId.class, "systemDefault")
            .orShould().callMethod(TimeZone.class, "getDefault")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("results must not depend on the JVM's zone or clock: dates are derived in Asia/Shanghai from given instants");

    @Test
    void theMainDomainClassesAreImportedAndNoTests() {
        assertThat(DOMAIN.contain(Money.class)).isTrue();
        assertThat(DOMAIN.contain(LedgerDiff.class)).isTrue();
        assertThat(DOMAIN.containPackage("io.rebatch.domain")).isTrue();
        assertThat(DOMAIN.contain("io.rebatch.domain.MoneyTest")).isFalse();
        assertThat(DOMAIN.contain("io.rebatch.domain.DomainArchitectureTest$Violator")).isFalse();
        assertThat(DOMAIN.size()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void noSpringJdbcOrJackson() {
        NO_FRAMEWORKS.check(DOMAIN);
    }

    @Test
    void dependsOnlyOnTheJdk() {
        ONLY_JDK_AND_DOMAIN.check(DOMAIN);
    }

    @Test
    void noFloatingPointFields() {
        NO_FLOATING_FIELDS.check(DOMAIN);
    }

    @Test
    void noFloatingPointInMethodSignatures() {
        NO_FLOATING_SIGNATURES.check(DOMAIN);
    }

    @Test
    void noCallsReturningFloatingPoint() {
        NO_FLOATING_CALLS.check(DOMAIN);
    }

    @Test
    void noWallClockNorDefaultZone() {
        NO_WALL_CLOCK_OR_DEFAULT_ZONE.check(DOMAIN);
    }

    /** A class breaking every rule, to show the rules bite. It lives in the domain package but only in tests. */
    static final class Violator {
        double rebateYuan;
        Float rate;

        LocalDate today() {
            return LocalDate.now();
        }

        ZoneId zone() {
            return ZoneId.systemDefault();
        }

        Instant now() {
            return Instant.now();
        }

        double yuan(java.math.BigDecimal fen) {
            return fen.doubleValue() / 100;
        }

        java.sql.Timestamp stamp(float f) {
            return null;
        }

        String describe(JavaClass notJdk) {
            return notJdk.getName();
        }
    }

    @Test
    void theRulesCatchAViolatingClass() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violator.class);
        assertThat(NO_FRAMEWORKS.evaluate(bad).hasViolation()).isTrue();
        assertThat(ONLY_JDK_AND_DOMAIN.evaluate(bad).hasViolation()).isTrue();
        assertThat(NO_FLOATING_FIELDS.evaluate(bad).getFailureReport().getDetails())
                .anyMatch(s -> s.contains("rebateYuan")).anyMatch(s -> s.contains("rate"));
        assertThat(NO_FLOATING_SIGNATURES.evaluate(bad).getFailureReport().getDetails())
                .anyMatch(s -> s.contains("yuan(")).anyMatch(s -> s.contains("stamp("));
        assertThat(NO_FLOATING_CALLS.evaluate(bad).getFailureReport().getDetails())
                .anyMatch(s -> s.contains("doubleValue"));
        assertThat(NO_WALL_CLOCK_OR_DEFAULT_ZONE.evaluate(bad).getFailureReport().getDetails())
                .anyMatch(s -> s.contains("LocalDate.now()"))
                .anyMatch(s -> s.contains("ZoneId.systemDefault()"))
                .anyMatch(s -> s.contains("Instant.now()"));
    }
}
