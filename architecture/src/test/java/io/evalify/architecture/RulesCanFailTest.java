package io.evalify.architecture;

import static io.evalify.architecture.ModuleRules.FRAMEWORKS;
import static io.evalify.architecture.ModuleRules.freeOfCycles;
import static io.evalify.architecture.ModuleRules.usesNone;
import static io.evalify.architecture.ModuleRules.usesOnly;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules are not vacuous: evaluated on deliberately bad classes of this module's test sources
 * ({@code fixture}: a package cycle, a "grader" that uses Kafka and another module), each reports the violation.
 */
class RulesCanFailTest {

    private static final String FIXTURE = "io.evalify.architecture.fixture";
    private static JavaClasses bad;

    @BeforeAll
    static void importBadClasses() {
        bad = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void shouldReportAPackageCycle() {
        var result = freeOfCycles(FIXTURE + ".cyclic").evaluate(bad);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected", "cyclic.a", "cyclic.b");
    }

    @Test
    void shouldReportAFrameworkInPlainJava() {
        var result = usesNone(FIXTURE + ".leaky", FRAMEWORKS).evaluate(bad);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyGrader", "org.apache.kafka");
    }

    @Test
    void shouldReportAForbiddenModuleDependency() {
        var result = usesOnly(FIXTURE + ".leaky", "io.evalify.schemas").evaluate(bad);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyGrader", "cyclic.a.Alpha");
    }

    @Test
    void shouldPassWhatTheRulesAllow() {
        assertThat(usesOnly(FIXTURE + ".cyclic").evaluate(bad).hasViolation()).isFalse();
    }
}
