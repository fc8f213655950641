package io.evalify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.evalify.architecture.ModuleRules.FRAMEWORKS;
import static io.evalify.architecture.ModuleRules.freeOfCycles;
import static io.evalify.architecture.ModuleRules.usesNone;
import static io.evalify.architecture.ModuleRules.usesOnly;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Configuration;

/**
 * The module graph of docs/ARCHITECTURE.md ("Modules"), checked on the compiled main classes of every module:
 * dependencies point one way, from the products to the rules; no module has a package cycle; the graders and the
 * schemas stay plain Java. One root package per module: {@code io.evalify.<module>}.
 */
class ModuleBoundariesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.evalify");
    }

    @Test
    void shouldImportEveryModule() {
        assertThat(main.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("schemas", "core", "grading", "fakes", "api", "worker", "cli", "localstack", "bench");
    }

    @Test
    void shouldKeepTheSchemasFreeOfOurOtherModulesAndOfFrameworks() {
        usesOnly("io.evalify.schemas").check(main);
        usesNone("io.evalify.schemas", FRAMEWORKS).check(main);
    }

    @Test
    void shouldKeepTheCoreOnTheSchemasOnly() {
        usesOnly("io.evalify.core", "io.evalify.schemas").check(main);
    }

    @Test
    void shouldKeepTheGradersPlainJava() {
        usesOnly("io.evalify.grading", "io.evalify.schemas").check(main);
        usesNone("io.evalify.grading", FRAMEWORKS).check(main);
    }

    @Test
    void shouldKeepTheApiOffTheWorkerAndTheGraders() {
        usesOnly("io.evalify.api", "io.evalify.core", "io.evalify.schemas").check(main);
    }

    @Test
    void shouldKeepTheWorkerOffTheApi() {
        usesOnly("io.evalify.worker", "io.evalify.core", "io.evalify.grading", "io.evalify.schemas")
                .check(main);
    }

    @Test
    void shouldKeepTheFakesOnTheSchemasOnly() {
        usesOnly("io.evalify.fakes", "io.evalify.schemas").check(main);
    }

    @Test
    void shouldKeepTheOperatorsCliFreeOfTheSupervisorAndTheBench() {
        usesOnly("io.evalify.cli", "io.evalify.core", "io.evalify.schemas").check(main);
        usesOnly("io.evalify.localstack", "io.evalify.cli", "io.evalify.core", "io.evalify.schemas")
                .check(main);
        // The bench's hostile-answer run grades with the graders and their test fixtures over the fake LLM.
        usesOnly(
                        "io.evalify.bench",
                        "io.evalify.localstack",
                        "io.evalify.grading",
                        "io.evalify.fakes",
                        "io.evalify.cli",
                        "io.evalify.core",
                        "io.evalify.schemas")
                .check(main);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schemas", "core", "grading", "fakes", "api", "worker", "cli", "localstack", "bench"})
    void shouldHaveNoPackageCycleInAModule(String module) {
        freeOfCycles("io.evalify." + module).check(main);
    }

    @Test
    void shouldKeepSpringConfigurationsPackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Configuration.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .as("@Configuration classes are package-private: a feature wires itself")
                .check(main);
    }
}
